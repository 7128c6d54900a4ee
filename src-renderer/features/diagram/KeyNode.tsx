// One node of the keychain diagram: what it is (label, kind or type), its verdict in words and
// shape, its fingerprint, and its environment (production as a band and the word PROD). A missing
// link is a dashed placeholder that says which action fills it.
import type { ReactElement } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { GraphNode } from '@shared/contract';
import { kindLabel } from '../../lib/format';
import { VerdictBadge } from '../../ui/Badges';

export type KeyNodeData = { node: GraphNode };
export type KeyFlowNode = Node<KeyNodeData, 'key'>;

const TYPE_LABELS: Record<GraphNode['type'], string> = {
  credential: 'Credential',
  app: 'App',
  merchant: 'Merchant',
  location: 'Location',
  card_token: 'Card token',
  charge: 'Charge',
  placeholder: 'Missing',
};

export function describeNode(n: GraphNode): string {
  const what = n.kind ? kindLabel(n.kind) : TYPE_LABELS[n.type];
  const env = n.environment === 'production' ? ', PRODUCTION' : n.environment === 'sandbox' ? ', sandbox' : '';
  return n.type === 'placeholder' ? `Missing ${what}${n.action ? `: ${n.action}` : ''}` : `${n.label}, ${what}${env}`;
}

export function KeyNode({ data }: NodeProps<KeyFlowNode>): ReactElement {
  const n = data.node;
  const prod = n.environment === 'production';
  return (
    <div className={`key-node key-node-${n.type}${prod ? ' key-node-prod' : ''}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="key-node-top">
        <span className="key-node-type">{n.kind ? kindLabel(n.kind) : TYPE_LABELS[n.type]}</span>
        {prod ? <span className="key-node-prod-tag">PROD</span> : null}
      </div>
      <div className="key-node-label">{n.label}</div>
      {n.type === 'placeholder' ? (
        <div className="key-node-action">{n.action ?? 'Not saved yet'}</div>
      ) : n.type === 'credential' ? (
        <div className="key-node-meta">
          <VerdictBadge verdict={n.verdict} />
          {n.fingerprint ? <span className="mono key-node-fp">{n.fingerprint}</span> : null}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
