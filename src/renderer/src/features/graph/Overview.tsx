/**
 * The overview: every shown node as a dot on a small 2D canvas with the camera's view framed on
 * it; a click there moves the camera. Cheap enough to redraw on each camera move (a few thousand
 * dots), and it keeps the analyst oriented while zoomed in.
 */
import type Sigma from 'sigma';
import { useEffect, useRef } from 'react';
import type { CaseGraphModel, EdgeAttributes, GraphFilter, NodeAttributes } from './graphModel';
import { isNodeShown } from './graphModel';
import classes from './graph.module.css';

const WIDTH = 168;
const HEIGHT = 112;
const PADDING = 6;

interface Frame {
  minX: number;
  minY: number;
  scale: number;
}

function frameOf(graph: CaseGraphModel): Frame {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_key, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  const scale = Math.min((WIDTH - 2 * PADDING) / Math.max(1e-9, maxX - minX), (HEIGHT - 2 * PADDING) / Math.max(1e-9, maxY - minY));
  return { minX, minY, scale: Number.isFinite(scale) ? scale : 1 };
}

export function Overview({
  sigma,
  graph,
  filter,
  dark,
  version,
  running,
}: {
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  graph: CaseGraphModel;
  filter: GraphFilter;
  dark: boolean;
  version: number;
  running: boolean;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<Frame | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    let scheduled = 0;
    const draw = () => {
      scheduled = 0;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, WIDTH, HEIGHT);
      if (graph.order === 0) return;
      const frame = frameOf(graph);
      frameRef.current = frame;
      // Graph y grows upwards, the canvas's downwards.
      const toCanvas = (x: number, y: number) => ({ x: PADDING + (x - frame.minX) * frame.scale, y: HEIGHT - PADDING - (y - frame.minY) * frame.scale });
      graph.forEachNode((key, attributes) => {
        if (!isNodeShown(attributes, key, filter)) return;
        const point = toCanvas(attributes.x, attributes.y);
        context.fillStyle = attributes.color;
        context.fillRect(point.x - 1, point.y - 1, 2, 2);
      });
      const { width, height } = sigma.getDimensions();
      const corners = [
        sigma.viewportToGraph({ x: 0, y: 0 }),
        sigma.viewportToGraph({ x: width, y: height }),
      ].map((corner) => toCanvas(corner.x, corner.y));
      const [topLeft, bottomRight] = corners as [{ x: number; y: number }, { x: number; y: number }];
      context.strokeStyle = dark ? '#74c0fc' : '#1c7ed6';
      context.lineWidth = 1.5;
      context.strokeRect(
        Math.min(topLeft.x, bottomRight.x),
        Math.min(topLeft.y, bottomRight.y),
        Math.abs(bottomRight.x - topLeft.x),
        Math.abs(bottomRight.y - topLeft.y),
      );
    };
    const schedule = () => {
      if (!scheduled) scheduled = window.requestAnimationFrame(draw);
    };
    draw();
    const camera = sigma.getCamera();
    camera.on('updated', schedule);
    // While the layout moves nodes, the overview follows at a modest pace.
    const timer = running ? window.setInterval(schedule, 500) : 0;
    return () => {
      camera.off('updated', schedule);
      window.clearInterval(timer);
      if (scheduled) window.cancelAnimationFrame(scheduled);
    };
  }, [sigma, graph, filter, dark, version, running]);

  return (
    <canvas
      ref={canvasRef}
      className={classes.overview}
      style={{ width: WIDTH, height: HEIGHT }}
      aria-label="Overview of the graph; click to move the view there"
      data-testid="graph-overview"
      onClick={(event) => {
        const frame = frameRef.current;
        if (!frame) return;
        const bounds = event.currentTarget.getBoundingClientRect();
        const x = frame.minX + (event.clientX - bounds.left - PADDING) / frame.scale;
        const y = frame.minY + (HEIGHT - PADDING - (event.clientY - bounds.top)) / frame.scale;
        const target = sigma.graphToFramedGraph({ x, y });
        void sigma.getCamera().animate({ x: target.x, y: target.y }, { duration: 300 });
      }}
    />
  );
}
