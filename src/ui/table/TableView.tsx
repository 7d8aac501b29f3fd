/** The table view (placeholder until the full table lands). */
import type { LinksViewProps } from '../explore-types.ts';

export default function TableView({ links, caption }: LinksViewProps) {
  return <table><caption>{caption}</caption><tbody><tr><td>{links.length}</td></tr></tbody></table>;
}
