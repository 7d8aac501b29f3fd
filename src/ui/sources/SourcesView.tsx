/** The sources view (placeholder until the full view lands). */
import type { SourcesViewProps } from '../explore-types.ts';

export default function SourcesView({ index }: SourcesViewProps) {
  return <p>{index.dataset.sources.length}</p>;
}
