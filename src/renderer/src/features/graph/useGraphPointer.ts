/** Sigma's pointer events on the graph: select, expand, pin a node by dragging it, Shift-drag to link two nodes. */
import type { Dispatch } from 'react';
import { useEffect, useRef } from 'react';
import type { CaseGraphModel } from './graphModel';
import type { NodeChoice } from './LinkModal';
import type { GraphAction, LinkingLine } from './useGraphController';
import type { useSigma } from './useSigma';

/** A node as the link dialog takes it. */
export function nodeChoice(graph: CaseGraphModel, key: string): NodeChoice {
  return { key, label: graph.getNodeAttribute(key, 'label'), kind: graph.getNodeAttribute(key, 'kind') };
}

export function useGraphPointer(
  handle: ReturnType<typeof useSigma>,
  graph: CaseGraphModel | null,
  linking: LinkingLine | null,
  dispatch: Dispatch<GraphAction>,
  savePositions: () => void,
): void {
  // The line being drawn, read by the handlers without registering them again at each move.
  const linkingRef = useRef(linking);
  linkingRef.current = linking;
  useEffect(() => {
    if (!handle || !graph) return;
    const { sigma, layout } = handle;
    let resumeLayout = false;
    sigma.on('clickNode', ({ node }) => dispatch({ type: 'select', selection: { kind: 'node', key: node } }));
    sigma.on('clickEdge', ({ edge }) => dispatch({ type: 'select', selection: { kind: 'edge', key: edge } }));
    sigma.on('clickStage', () => dispatch({ type: 'select', selection: null }));
    sigma.on('doubleClickNode', (payload) => {
      payload.preventSigmaDefault();
      dispatch({ type: 'expand', key: payload.node });
    });
    sigma.on('downNode', (payload) => {
      const original = payload.event.original;
      if (!('shiftKey' in original) || !original.shiftKey) return;
      payload.preventSigmaDefault();
      const { x, y } = sigma.graphToViewport(graph.getNodeAttributes(payload.node));
      dispatch({ type: 'linking', linking: { from: payload.node, x, y, toX: x, toY: y } });
    });
    sigma.on('moveBody', ({ event }) => {
      const current = linkingRef.current;
      if (current) dispatch({ type: 'linking', linking: { ...current, toX: event.x, toY: event.y } });
    });
    sigma.on('upNode', ({ node }) => {
      const current = linkingRef.current;
      if (!current) return;
      dispatch({ type: 'linking', linking: null });
      if (node === current.from) return;
      dispatch({ type: 'draftLink', draft: { from: nodeChoice(graph, current.from), to: nodeChoice(graph, node) } });
    });
    sigma.on('upStage', () => dispatch({ type: 'linking', linking: null }));
    sigma.on('nodeDragStart', () => {
      resumeLayout = layout.isRunning();
      if (resumeLayout) layout.stop();
    });
    sigma.on('nodeDragEnd', ({ node }) => {
      // A node put somewhere by hand stays there: pinned, and the layout works around it.
      graph.setNodeAttribute(node, 'fixed', true);
      if (resumeLayout) layout.start();
      else savePositions();
    });
    return () => {
      for (const event of ['clickNode', 'clickEdge', 'clickStage', 'doubleClickNode', 'downNode', 'moveBody', 'upNode', 'upStage', 'nodeDragStart', 'nodeDragEnd'] as const) {
        sigma.removeAllListeners(event);
      }
    };
  }, [handle, graph, dispatch, savePositions]);
}
