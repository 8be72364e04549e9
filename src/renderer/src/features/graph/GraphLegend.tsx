/** The graph's legend: node shapes and colours by kind, edge styles, and communities when coloured by them. */
import { Group, Stack } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { NodeKind } from '../../../../shared/graph';
import { NodeKinds } from '../../../../shared/graph';
import { communityPalette, edgeColor, kindColors, kindLabels } from './graphModel';
import { nodeShapes } from './useSigma';
import classes from './graph.module.css';

export function Legend({ dark, communities }: { dark: boolean; communities: ReadonlyMap<string, number> | null }) {
  const shapeStyle = (kind: NodeKind): CSSProperties => {
    const shape = nodeShapes[kind];
    const color = communities ? (dark ? '#909296' : '#868e96') : kindColors[kind];
    if (shape === 'circle') return { background: color, borderRadius: '50%' };
    if (shape === 'square') return { background: color, borderRadius: 2 };
    if (shape === 'triangle') return { background: color, clipPath: 'polygon(50% 0, 100% 100%, 0 100%)' };
    return { background: color, transform: 'rotate(45deg) scale(0.8)' };
  };
  return (
    <Stack className={classes.legend} gap={3} data-testid="graph-legend">
      <Group gap={10}>
        {NodeKinds.filter((kind) => kind !== 'other').map((kind) => (
          <Group key={kind} gap={4} wrap="nowrap">
            <span className={classes.legendShape} style={shapeStyle(kind)} />
            <span>{kindLabels[kind]}</span>
          </Group>
        ))}
      </Group>
      <Group gap={10}>
        <Group gap={4} wrap="nowrap">
          <span className={classes.legendLine} style={{ borderTop: `2.5px solid ${edgeColor('link', 'asserted', dark)}` }} />
          <span>asserted link</span>
        </Group>
        <Group gap={4} wrap="nowrap">
          <span className={classes.legendLine} style={{ borderTop: `1.5px solid ${edgeColor('mention', 'confirmed', dark)}` }} />
          <span>mention</span>
        </Group>
        <Group gap={4} wrap="nowrap">
          <span className={classes.legendLine} style={{ borderTop: `1.5px dashed ${dark ? '#5c5f66' : '#ced4da'}` }} />
          <span>suggested</span>
        </Group>
      </Group>
      {communities ? (
        <Group gap={4}>
          {communityPalette.slice(0, Math.min(communityPalette.length, new Set(communities.values()).size)).map((color, index) => (
            <span key={color} className={classes.legendShape} style={{ background: color, borderRadius: '50%' }} title={`community ${index + 1}`} />
          ))}
          <span>communities, largest first</span>
        </Group>
      ) : null}
    </Stack>
  );
}
