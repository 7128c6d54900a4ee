// The keychain diagram: how the stored keys relate (app -> secret; app + merchant -> access token
// -> refresh token; merchant -> PAKMS key -> card token -> charge; Square application -> tokens ->
// merchant -> locations -> payments), edges labelled with the API calls that use them, laid out by
// dagre and drawn with @xyflow/react. Nodes are focusable (Tab), Enter selects; a list beside it
// says the same in text for screen readers and keyboard users.
import { useMemo, type ReactElement } from 'react';
import { ReactFlow, Background, Controls, MarkerType, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { navigate } from '../../app/routes';
import { useStore } from '../../app/store';
import { Empty, Loading } from '../../ui/Status';
import { describeNode, KeyNode, type KeyFlowNode } from './KeyNode';
import { filterGraph, layoutGraph } from './layout';
import { NodeDetails } from './NodeDetails';
import './diagram.css';

const NODE_TYPES = { key: KeyNode };

export function DiagramView(): ReactElement {
  const graph = useStore((s) => s.graph);
  const status = useStore((s) => s.graphStatus);
  const f = useStore((s) => s.diagramFilter);
  const selected = useStore((s) => s.selectedNodeId);

  const shown = useMemo(() => (graph ? filterGraph(graph.nodes, graph.edges, f) : null), [graph, f]);
  const merchants = useMemo(
    () => [...new Set((graph?.nodes ?? []).map((n) => n.merchantId).filter((m): m is string => m !== null))].sort(),
    [graph],
  );
  const flow = useMemo(() => {
    if (!shown) return { nodes: [] as KeyFlowNode[], edges: [] as Edge[] };
    const pos = layoutGraph(shown.nodes, shown.edges);
    return {
      nodes: shown.nodes.map((n): KeyFlowNode => ({
        id: n.id,
        type: 'key',
        position: { x: pos.get(n.id)!.x, y: pos.get(n.id)!.y },
        data: { node: n },
        selected: n.id === selected,
        ariaLabel: describeNode(n),
      })),
      edges: shown.edges.map((e): Edge => ({
        id: e.id,
        source: e.from,
        target: e.to,
        label: e.idempotencyKey ? `${e.label} · key ${e.idempotencyKey.slice(0, 8)}…` : e.label,
        markerEnd: { type: MarkerType.ArrowClosed },
        focusable: false,
      })),
    };
  }, [shown, selected]);

  return (
    <section className="screen diagram-screen" aria-labelledby="diagram-title">
      <div className="screen-header">
        <div>
          <h1 id="diagram-title">Diagram</h1>
          <p className="screen-subtitle">
            How your stored keys relate, drawn from their metadata only. Edges name the API calls that use each key.
          </p>
        </div>
      </div>
      <div className="toolbar diagram-filters" role="group" aria-label="Diagram filters">
        <label className="field">
          <span className="field-label">Vendor</span>
          <select
            className="toolbar-select"
            value={f.provider}
            onChange={(e) => useStore.getState().setDiagramFilter({ provider: e.target.value })}
          >
            <option value="">Clover and Square</option>
            <option value="clover">Clover</option>
            <option value="square">Square</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Environment</span>
          <select
            className="toolbar-select"
            value={f.environment}
            onChange={(e) => useStore.getState().setDiagramFilter({ environment: e.target.value })}
          >
            <option value="">Both</option>
            <option value="sandbox">Sandbox</option>
            <option value="production">Production</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Merchant</span>
          <select
            className="toolbar-select"
            value={f.merchantId}
            onChange={(e) => useStore.getState().setDiagramFilter({ merchantId: e.target.value })}
          >
            <option value="">All merchants</option>
            {merchants.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status === 'loading' && !graph ? (
        <Loading>Drawing the keychain…</Loading>
      ) : !shown || shown.nodes.length === 0 ? (
        <Empty icon="graph" title="Nothing to draw yet">
          <p>Add credentials on the Credentials screen; apps, merchants and tokens appear here with their links.</p>
        </Empty>
      ) : (
        <div className="diagram-body">
          <div className="diagram-canvas" aria-label="Keychain diagram canvas" role="group">
            <ReactFlow
              nodes={flow.nodes}
              edges={flow.edges}
              nodeTypes={NODE_TYPES}
              colorMode="system"
              // A big keychain starts at the top left at a readable zoom and draws only what is in
              // view (npm run bench: 500 credentials); a small one is fitted whole.
              fitView={flow.nodes.length <= 150}
              defaultViewport={{ x: 20, y: 20, zoom: 0.8 }}
              onlyRenderVisibleElements={flow.nodes.length > 150}
              minZoom={0.1}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable
              onNodeClick={(_, n) => useStore.getState().selectNode(n.id)}
              // The nodes are ours (controlled): a selection by mouse or keyboard (Enter / Space on a
              // focused node) arrives as a change, and the store's selection redraws them.
              onNodesChange={(changes) => {
                const picked = changes.find((c) => c.type === 'select' && c.selected);
                if (picked && 'id' in picked && picked.id !== useStore.getState().selectedNodeId)
                  useStore.getState().selectNode(picked.id);
              }}
              proOptions={{ hideAttribution: true }}
            >
              <Background />
              <Controls showInteractive={false} />
            </ReactFlow>
          </div>
          <aside className="diagram-side">
            <NodeDetails onShowInCredentials={() => navigate('credentials')} />
            <details className="diagram-text">
              <summary>Links as text ({shown.edges.length})</summary>
              <ul>
                {shown.edges.map((e) => {
                  const from = shown.nodes.find((n) => n.id === e.from);
                  const to = shown.nodes.find((n) => n.id === e.to);
                  return (
                    <li key={e.id}>
                      {from ? describeNode(from) : e.from} → {to ? describeNode(to) : e.to}: {e.label}
                    </li>
                  );
                })}
              </ul>
            </details>
          </aside>
        </div>
      )}
    </section>
  );
}
