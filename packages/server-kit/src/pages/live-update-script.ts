/**
 * The return page's only script, inlined with the response's nonce (no external file to fetch, no
 * inline handlers: the CSP has no 'unsafe-inline'). It is plain browser JavaScript in a string rather
 * than a compiled function, so no bundler helper can leak into it.
 *
 * It reads two JSON blocks the server embedded: `#messages` (the status copy table, see status-copy.ts)
 * and `#page-state` (session id, current status, status ranks, the two URLs). It never reads the page's
 * query string: the status comes only from the server (docs/reliability.md 10).
 *
 * It also runs the language picker (`#language`) and, when `#page-state` has `forward`, the countdown
 * to the merchant (config `returnPage.autoForward`).
 *
 * Live updates: an EventSource on `sessions/:id/events`; each `status` event re-renders heading, text,
 * reason, spinner and the Return to merchant link. On an error the stream is closed and the page polls
 * `GET sessions/:id` with backoff 1 s, 2 s, 4 s … capped at 30 s. Everything stops at a final status.
 * Statuses only move forward here too, so a late or replayed event cannot undo a final one.
 */
export const LIVE_UPDATE_SCRIPT = `(() => {
  'use strict';
  const readJson = (id) => {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent || 'null') : null;
  };
  const table = readJson('messages');
  const state = readJson('page-state');
  if (!table || !state) return;
  const byId = (id) => document.getElementById(id);
  // The same choice as describeStatus() in status-copy.ts.
  const describe = (status, reason) => {
    const entry = table.statuses[status];
    const applies = reason && entry.reasons.indexOf(reason) !== -1;
    return { ...entry, reason: applies ? table.reasons[reason] || '' : '' };
  };
  let current = { status: state.status, reason: state.reason || '' };
  const isFinal = () => Boolean(table.statuses[current.status].final);

  const render = () => {
    const entry = describe(current.status, current.reason);
    document.title = entry.title;
    byId('status-heading').textContent = entry.heading;
    byId('status-text').textContent = entry.text;
    const reason = byId('status-reason');
    reason.textContent = entry.reason;
    reason.hidden = !entry.reason;
    byId('status-progress').hidden = entry.final;
    const notice = byId('pending-notice');
    if (notice) notice.hidden = entry.final;
    byId('status-card').setAttribute('data-status', current.status);
  };

  const apply = (view) => {
    if (!view || typeof view.status !== 'string' || !table.statuses[view.status]) return;
    if (view.sessionId && view.sessionId !== state.sessionId) return;
    if (isFinal() || state.ranks[view.status] < state.ranks[current.status]) return;
    const next = { status: view.status, reason: typeof view.reason === 'string' ? view.reason : '' };
    if (next.status === current.status && next.reason === current.reason) return;
    current = next;
    render();
  };

  let delay = 1000;
  const schedule = (task) => {
    setTimeout(task, delay);
    delay = Math.min(delay * 2, 30000);
  };
  const poll = () => {
    fetch(state.sessionUrl, { headers: { accept: 'application/json' }, cache: 'no-store' })
      .then((response) => {
        if (response.status === 404) return 'gone';
        return response.ok ? response.json().then(apply) : undefined;
      })
      .catch(() => undefined)
      .then((outcome) => {
        if (outcome !== 'gone' && !isFinal()) schedule(poll);
      });
  };

  const listen = () => {
    if (typeof EventSource !== 'function') {
      schedule(poll);
      return;
    }
    const source = new EventSource(state.eventsUrl);
    source.addEventListener('status', (event) => {
      try {
        apply(JSON.parse(event.data));
      } catch {
        return;
      }
      if (isFinal()) source.close();
    });
    source.addEventListener('error', () => {
      source.close();
      if (!isFinal()) schedule(poll);
    });
  };

  // The language picker replaces this page with itself in the chosen language (no history entry).
  const language = byId('language');
  if (language) {
    language.addEventListener('change', () => {
      const url = new URL(location.href);
      url.searchParams.set('lang', language.value);
      location.replace(url.href);
    });
  }

  // A status final on arrival forwards to the merchant after a visible countdown: announced once (a
  // ticking live region would talk every second), cancellable, and it never runs for a pending status.
  const forward = state.forward;
  if (forward && byId('forward')) {
    const lang = document.documentElement.lang;
    const time = new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'long' });
    const say = (seconds) => forward.text.replace('{time}', time.format(seconds));
    let left = forward.seconds;
    byId('forward').hidden = false;
    byId('forward-text').textContent = say(left);
    byId('forward-status').textContent = say(left);
    const timer = setInterval(() => {
      left -= 1;
      if (left > 0) {
        byId('forward-text').textContent = say(left);
        return;
      }
      clearInterval(timer);
      location.assign(forward.href);
    }, 1000);
    byId('forward-cancel').addEventListener('click', () => {
      clearInterval(timer);
      byId('forward').hidden = true;
      byId('return-link').focus();
    });
  }

  if (!isFinal()) listen();
})();`;
