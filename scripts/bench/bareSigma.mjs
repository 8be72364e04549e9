// The bare sigma page of `npm run bench:graph`: the same graph as the app shows, rendered by sigma
// with its defaults and nothing else, so the app's frame time has a baseline measured in the same
// run; and ForceAtlas2 in its web worker, counted in iterations per second. Bundled for the browser.
/* global window, document */
import Graph from 'graphology';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';

function buildGraph(slice) {
  const graph = new Graph({ multi: true, type: 'mixed' });
  for (const node of slice.nodes) {
    graph.addNode(node.key, { x: node.x ?? Math.random(), y: node.y ?? Math.random(), size: 4, label: node.label, color: '#228be6' });
  }
  for (const edge of slice.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.addEdgeWithKey(edge.key, edge.source, edge.target, { size: 1, color: '#ccc' });
  }
  return graph;
}

/** Renders the slice; resolves with the milliseconds from the start (graph built included) to the first frame drawn. */
window.renderBare = (slice) =>
  new Promise((resolve) => {
    const started = performance.now();
    const graph = buildGraph(slice);
    const container = document.getElementById('stage');
    const sigma = new Sigma(graph, container, { settings: { hideEdgesOnMove: true, itemSizesReference: 'screen' } });
    window.bareSigma = sigma;
    // The constructor draws the first frame before it returns, as in the app.
    resolve(performance.now() - started);
  });

/** Runs ForceAtlas2 in its worker on the slice for `milliseconds`; resolves with iterations per second. */
window.runLayout = (slice, milliseconds) =>
  new Promise((resolve) => {
    const graph = buildGraph(slice);
    const layout = new FA2LayoutSupervisor(graph, { settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500 }, getEdgeWeight: null });
    let iterations = 0;
    graph.on('eachNodeAttributesUpdated', () => (iterations += 1));
    const started = performance.now();
    layout.start();
    setTimeout(() => {
      layout.kill();
      resolve((iterations * 1000) / (performance.now() - started));
    }, milliseconds);
  });
