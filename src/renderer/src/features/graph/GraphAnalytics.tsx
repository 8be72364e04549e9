/** The side panel's analysis: the shortest path between two nodes (with its steps) and how nodes are sized and coloured. */
import { Button, Group, SegmentedControl, Select, Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import { IconRoute, IconX } from '@tabler/icons-react';
import type { Dispatch } from 'react';
import type { EdgeType } from '../../../../shared/graph';
import type { CaseGraphModel } from './graphModel';
import { kindColors } from './graphModel';
import type { GraphAction, GraphViewState, PathResult } from './useGraphController';
import classes from './graph.module.css';

interface GraphAnalyticsProps {
  readonly graph: CaseGraphModel | null;
  readonly state: GraphViewState;
  readonly dispatch: Dispatch<GraphAction>;
  readonly nodeOptions: readonly { value: string; label: string }[];
  readonly onFindPath: (from: string, to: string) => void;
  readonly onColourByCommunity: (on: boolean) => void;
  readonly onFocusNode: (key: string) => void;
}

export function GraphAnalytics({ graph, state, dispatch, nodeOptions, onFindPath, onColourByCommunity, onFocusNode }: GraphAnalyticsProps) {
  const { path, pathEnds, ego, centrality, communities } = state;
  return (
    <>
      <Stack className={classes.sideSection} gap="xs">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Shortest path
        </Text>
        <Select
          size="xs"
          label="From"
          placeholder="Pick a node"
          searchable
          limit={50}
          data={nodeOptions}
          value={pathEnds.from}
          onChange={(value) => dispatch({ type: 'pathEnds', from: value, to: pathEnds.to })}
          aria-label="Path from"
        />
        <Select
          size="xs"
          label="To"
          placeholder="Pick a node"
          searchable
          limit={50}
          data={nodeOptions}
          value={pathEnds.to}
          onChange={(value) => dispatch({ type: 'pathEnds', from: pathEnds.from, to: value })}
          aria-label="Path to"
        />
        <Group gap="xs">
          <Button
            size="xs"
            leftSection={<IconRoute size={14} />}
            disabled={!pathEnds.from || !pathEnds.to}
            onClick={() => pathEnds.from && pathEnds.to && onFindPath(pathEnds.from, pathEnds.to)}
          >
            Find path
          </Button>
          {path || ego ? (
            <Button size="xs" variant="subtle" leftSection={<IconX size={14} />} onClick={() => dispatch({ type: 'clearHighlight' })}>
              Clear highlight
            </Button>
          ) : null}
        </Group>
        {path?.nodes && graph ? (
          <PathSteps graph={graph} path={path} onNode={onFocusNode} onEdge={(key) => dispatch({ type: 'select', selection: { kind: 'edge', key } })} />
        ) : null}
        {ego ? (
          <Text size="xs" c="dimmed">
            Ego network: {ego.size.toLocaleString()} nodes highlighted.
          </Text>
        ) : null}
      </Stack>
      <Stack className={classes.sideSection} gap="xs">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase">
          Analytics
        </Text>
        <Text size="xs">Size nodes by</Text>
        <SegmentedControl
          size="xs"
          value={centrality}
          onChange={(value) => dispatch({ type: 'centrality', centrality: value })}
          data={[
            { value: 'degree', label: 'Degree' },
            { value: 'betweenness', label: 'Betweenness' },
            { value: 'pagerank', label: 'PageRank' },
          ]}
        />
        <Switch
          size="xs"
          label={communities ? `Colour by community (Louvain): ${new Set(communities.values()).size} found` : 'Colour by community (Louvain)'}
          checked={communities !== null}
          onChange={(event) => onColourByCommunity(event.currentTarget.checked)}
        />
      </Stack>
    </>
  );
}

function PathSteps({ graph, path, onNode, onEdge }: { graph: CaseGraphModel; path: PathResult; onNode: (key: string) => void; onEdge: (key: string) => void }) {
  const nodes = path.nodes ?? [];
  return (
    <Stack gap={2} data-testid="path-steps">
      <Text size="xs" c="dimmed">
        {nodes.length - 1} step{nodes.length === 2 ? '' : 's'}:
      </Text>
      {nodes.map((key, index) => {
        const edge = index > 0 ? path.edges[index - 1] : undefined;
        const attributes = edge ? graph.getEdgeAttributes(edge) : null;
        return (
          <Stack key={key} gap={0}>
            {edge && attributes ? (
              <UnstyledButton className={classes.pathStep} onClick={() => onEdge(edge)} aria-label={`Edge ${edgeLabel(attributes.edgeType, attributes.relation)}`}>
                <Text size="xs" c={attributes.edgeType === 'link' ? 'orange.7' : 'dimmed'} pl="md">
                  ↓ {edgeLabel(attributes.edgeType, attributes.relation)}
                  {attributes.edgeType === 'link' ? ` · ${attributes.evidence} cited` : ''}
                </Text>
              </UnstyledButton>
            ) : null}
            <UnstyledButton className={classes.pathStep} onClick={() => onNode(key)}>
              <Group gap={6} wrap="nowrap">
                <span className={classes.legendShape} style={{ background: kindColors[graph.getNodeAttribute(key, 'kind')], borderRadius: '50%' }} />
                <Text size="sm" truncate>
                  {graph.getNodeAttribute(key, 'label')}
                </Text>
              </Group>
            </UnstyledButton>
          </Stack>
        );
      })}
    </Stack>
  );
}

function edgeLabel(type: EdgeType, relation: string | null): string {
  if (type === 'link') return relation ?? 'link';
  return type === 'mention' ? 'mentions' : 'named together';
}

