// Small browser helpers for the Blazor UI; no framework, no build step.
window.mutual = {
  // Minutes east of UTC, so the server can show times in the browser's zone.
  offsetMinutes: () => -new Date().getTimezoneOffset(),
  copy: async (text) => {
    try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
  },
  // The text selected inside an element (a message), or "" when the selection is elsewhere or empty.
  selectionIn: (id) => {
    const sel = window.getSelection();
    const el = document.getElementById(id);
    if (!sel || sel.isCollapsed || !el || !el.contains(sel.anchorNode)) return '';
    return sel.toString().trim();
  },
  focus: (id) => { const el = document.getElementById(id); if (el) { el.focus(); el.select?.(); } },
};

// "/" or Ctrl+K (Cmd+K) focuses the global search, unless the person is typing somewhere.
document.addEventListener('keydown', (e) => {
  const t = e.target;
  const typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  const slash = e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey;
  const ctrlK = (e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K');
  if (!slash && !ctrlK) return;
  const box = document.getElementById('global-search');
  if (!box) return;
  e.preventDefault();
  box.focus();
  box.select();
});
