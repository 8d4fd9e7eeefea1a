// Dunning.Bot web chat: the Direct Line WebSocket stream for chat.js. While a stream is open the page does not poll.
// When the stream cannot open, goes silent, or closes (also with "collision", when another tab took it), chat.js is told
// to poll and the stream is retried with backoff from a fresh stream URL; after repeated refusals the page keeps polling.
(() => {
  'use strict';
  const OPEN_TIMEOUT_MS = 5000;
  const FIRST_BACKOFF_MS = 1000;
  const MAX_BACKOFF_MS = 60000;
  const COLLISION_BACKOFF_MS = 60000;
  const MAX_REFUSALS = 5;

  /**
   * handlers: onOpen(), onSet(activitySet), onFallback(), reconnectUrl() -> Promise<string|null>; keepAliveMs: the
   * server's keep-alive interval (a stream silent for twice that is taken as lost).
   */
  window.DunningStream = (handlers, keepAliveMs) => {
    const quietMs = Math.max(keepAliveMs, 1000) * 2 + 5000;
    let socket = null, opened = false, retryTimer = 0, watchdog = 0, refusals = 0, backoff = FIRST_BACKOFF_MS, generation = 0;
    const supported = typeof WebSocket === 'function';

    function arm(ms) { clearTimeout(watchdog); watchdog = setTimeout(() => lost(false), ms); }

    // Detaches and closes the current socket; nothing of it reaches chat.js afterwards.
    function detach() {
      clearTimeout(watchdog);
      if (!socket) return;
      const old = socket;
      socket = null;
      old.onopen = old.onmessage = old.onclose = old.onerror = null;
      try { old.close(1000); } catch { /* already closed */ }
    }

    function open(url) {
      generation++;
      clearTimeout(retryTimer);
      retryTimer = 0;
      detach();
      if (!supported || !url || refusals >= MAX_REFUSALS) return false;
      let ws;
      try { ws = new WebSocket(url); } catch { return false; }
      socket = ws;
      opened = false;
      arm(OPEN_TIMEOUT_MS);
      ws.onopen = () => { opened = true; arm(quietMs); handlers.onOpen(); };
      ws.onmessage = e => {
        arm(quietMs);
        if (typeof e.data !== 'string' || e.data.trim() === '') return; // keep-alive
        let set;
        try { set = JSON.parse(e.data); } catch { return; }
        if (!set || typeof set !== 'object') return;
        refusals = 0;
        backoff = FIRST_BACKOFF_MS;
        handlers.onSet(set);
      };
      ws.onclose = e => lost(e.reason === 'collision');
      return true;
    }

    function lost(collision) {
      if (!socket) return;
      if (!opened) refusals++;
      detach();
      handlers.onFallback();
      schedule(collision ? COLLISION_BACKOFF_MS : backoff);
    }

    function schedule(wait) {
      clearTimeout(retryTimer);
      if (refusals >= MAX_REFUSALS) return;
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      retryTimer = setTimeout(retry, wait);
    }

    async function retry() {
      const mine = ++generation;
      const url = await handlers.reconnectUrl().catch(() => null);
      if (mine !== generation) return; // restarted or opened meanwhile
      if (!url || !open(url)) { refusals++; schedule(backoff); }
    }

    return {
      open,
      /** Stops the stream and any retry (the session ends or restarts). */
      close() { generation++; clearTimeout(retryTimer); retryTimer = 0; detach(); },
      /** Retries now if the stream is down and may still be retried (the tab became visible again). */
      wake() { if (!socket && retryTimer && refusals < MAX_REFUSALS) { clearTimeout(retryTimer); retryTimer = 0; retry(); } },
    };
  };
})();
