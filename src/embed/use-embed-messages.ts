/**
 * The embedded atlas's side of the conversation with its host page: it applies `atlas:set` from
 * the windows it accepts (origins.ts) and reports each view change with `atlas:view`. Messages of
 * any other shape, or from anyone else, get no answer and change nothing.
 */
import './embed.css';
import { useEffect, useRef } from 'react';
import { applyViewPatch, serializeViewState, type ViewState } from '../url/view-state.ts';
import { parseSetMessage, viewMessage } from './messages.ts';
import { acceptsSender, targetOrigins } from './origins.ts';

export function useEmbedMessages(view: ViewState, setView: (update: (v: ViewState) => ViewState) => void): void {
  const { embed, hosts } = view;
  const hostKey = hosts.join(',');
  const setRef = useRef(setView);
  setRef.current = setView;

  // The page itself never scrolls, from the loading screen on: the host sizes the frame, and the map gives up room first.
  useEffect(() => {
    if (!embed) return undefined;
    document.documentElement.classList.add('embed-page');
    return () => document.documentElement.classList.remove('embed-page');
  }, [embed]);

  useEffect(() => {
    if (!embed) return undefined;
    const named = hostKey ? hostKey.split(',') : [];
    const onMessage = (e: MessageEvent) => {
      if (!acceptsSender({ source: e.source, origin: e.origin }, { parent: window.parent, hosts: named }, window)) return;
      const patch = parseSetMessage(e.data);
      if (patch) setRef.current((v) => applyViewPatch(v, patch));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [embed, hostKey]);

  // One message per distinct view, as the URL would write it (a re-render with the same view sends nothing).
  const query = serializeViewState(view);
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!embed || window.parent === window || sent.current === query) return;
    sent.current = query;
    const message = viewMessage(view);
    for (const origin of targetOrigins(hosts)) window.parent.postMessage(message, origin);
  }, [embed, query]); // eslint-disable-line react-hooks/exhaustive-deps -- `query` stands for the view and its hosts
}
