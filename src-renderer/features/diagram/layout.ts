// Automatic layout of the keychain graph with dagre (left to right: app -> secret / token ->
// PAKMS key -> card token -> charge). Pure: nodes and edges in, a position per node out.
import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphNode } from '@shared/contract';

export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 96;

export interface Positioned {
  id: string;
  x: number;
  y: number;
}

export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, Positioned> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 170, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const known = new Set(nodes.map((n) => n.id));
  for (const e of edges) if (known.has(e.from) && known.has(e.to)) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const out = new Map<string, Positioned>();
  for (const n of nodes) {
    const p = g.node(n.id);
    // dagre gives centres; the canvas wants top-left corners.
    out.set(n.id, { id: n.id, x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) });
  }
  return out;
}

/** Filters a graph to one provider / environment / merchant, keeping only edges between kept nodes. */
export function filterGraph(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  f: { provider: string; environment: string; merchantId: string },
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const kept = nodes.filter(
    (n) =>
      (f.provider === '' || n.provider === f.provider) &&
      (f.environment === '' || n.environment === f.environment || n.environment === null) &&
      (f.merchantId === '' || n.merchantId === f.merchantId || n.merchantId === null),
  );
  const ids = new Set(kept.map((n) => n.id));
  return { nodes: kept, edges: edges.filter((e) => ids.has(e.from) && ids.has(e.to)) };
}
