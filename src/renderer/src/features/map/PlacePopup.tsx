/** A pin's popup: the place's name and names, mention count, documents and the actors named with it, with links onward. */
import { Anchor, Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../api/client';
import { useNavigation } from '../../components/navigation';
import { entityColorVar } from '../entities/entityColors';
import { placeKinds } from './mapStyle';
import { useMapPlace } from './queries';

export function PlacePopup({ placeId }: { placeId: number }) {
  const place = useMapPlace(placeId);
  const navigation = useNavigation();
  if (place.isError) return <Text size="xs">{errorMessage(place.error)}</Text>;
  if (!place.data) return <Loader size="xs" />;
  const detail = place.data;
  const kind = placeKinds.find((candidate) => candidate.subtype === detail.subtype);
  return (
    <Stack gap={6} data-testid="place-popup" maw={300}>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Text fw={700} size="sm">
          {detail.name}
        </Text>
        <Badge size="xs" variant={detail.status === 'confirmed' ? 'filled' : 'outline'} color={detail.status === 'confirmed' ? 'teal' : 'gray'}>
          {detail.status === 'confirmed' ? 'Confirmed' : 'Suggested'}
        </Badge>
      </Group>
      {detail.aliases.length > 0 ? (
        <Text size="xs" c="dimmed" lineClamp={2}>
          Also: {detail.aliases.join(', ')}
        </Text>
      ) : null}
      <Text size="xs">
        {kind?.label ?? 'Place'}
        {detail.country ? ` · ${detail.country}` : ''} · {detail.mentions.toLocaleString()} mention{detail.mentions === 1 ? '' : 's'} in{' '}
        {detail.documentCount.toLocaleString()} document{detail.documentCount === 1 ? '' : 's'}
        {detail.precision === 'manual' ? ' · placed by hand' : ''}
      </Text>
      {detail.documents.length > 0 ? (
        <Stack gap={2}>
          {detail.documents.map((document) => (
            <Anchor key={document.id} size="xs" lineClamp={1} component="button" ta="left" onClick={() => navigation.showDocument(document.id)}>
              {document.title}
            </Anchor>
          ))}
        </Stack>
      ) : null}
      {detail.actors.length > 0 ? (
        <Text size="xs" component="div">
          <Text span size="xs" c="dimmed">
            Named with:{' '}
          </Text>
          {detail.actors.map((actor, index) => (
            <span key={actor.id}>
              {index > 0 ? ', ' : ''}
              <Anchor size="xs" component="button" style={{ color: entityColorVar(actor.type) }} onClick={() => navigation.showEntity(actor.id)}>
                {actor.name}
              </Anchor>
            </span>
          ))}
        </Text>
      ) : null}
      <Anchor size="xs" component="button" ta="left" fw={600} onClick={() => navigation.showEntity(detail.id)}>
        Open entity page →
      </Anchor>
    </Stack>
  );
}
