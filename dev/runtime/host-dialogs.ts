/**
 * Jira's own dialogs on the local host page: Create Issue (what @forge/jira-bridge's CreateIssueModal
 * opens, bridge command `openIssueCreateModal`) and the issue view (`ViewIssueModal`,
 * `openIssueViewModal`). A frame's bridge asks by postMessage; the page shows a real modal <dialog>,
 * creates the issue through /__host/issues as the signed-in person, and answers the frame with what was
 * created: `[{ issueId }]` ([] when cancelled), exactly what @forge/jira-bridge's types give the app's
 * onClose — Jira names no key, so neither does this host (the app asks Jira for it, as it must in Jira).
 *
 * Focus when a dialog closes goes back to what had it when the dialog opened — the app's iframe, when the
 * app opened it — as Atlassian's modal dialog does (@atlaskit/modal-dialog, `shouldReturnFocus` defaults
 * to true: its focus lock returns focus to the element focused before it opened). The app then puts focus
 * on its own control inside the frame. Built with DOM calls only: the host page's CSP allows no inline
 * script or style.
 */

export const HOST_DIALOGS_JS = `/* Local Jira host: the Create Issue and issue view dialogs apps open through the bridge. */
(function () {
  'use strict';
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (attrs[k] !== undefined && attrs[k] !== null && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  var seq = 0;
  function uid(p) { seq += 1; return 'host-' + p + '-' + seq; }

  // Plain text of an Atlassian Document Format node (what Jira shows in its editor, roughly).
  function adfText(node, depth) {
    if (!node || typeof node !== 'object') return '';
    if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
    if (node.type === 'hardBreak') return '\\n';
    var kids = Array.isArray(node.content) ? node.content : [];
    if (node.type === 'orderedList' || node.type === 'bulletList') {
      return kids.map(function (item, i) {
        var body = adfText(item, (depth || 0) + 1).replace(/\\n+$/, '').replace(/\\n\\n/g, '\\n   ');
        return (node.type === 'orderedList' ? (i + 1) + '. ' : '- ') + body;
      }).join('\\n') + '\\n\\n';
    }
    var inner = kids.map(function (k) { return adfText(k, depth); }).join('');
    if (node.type === 'paragraph' || node.type === 'heading') return inner + (depth ? '\\n' : '\\n\\n');
    return inner;
  }
  function toText(value) {
    if (typeof value === 'string') return value;
    return adfText(value, 0).replace(/\\n{3,}/g, '\\n\\n').trim();
  }

  // What had focus when a dialog was asked for (the app's iframe): focus goes back there when it closes.
  function focusedNow() { return document.activeElement && document.activeElement !== document.body ? document.activeElement : null; }
  function returnFocus(to) { if (to && to.isConnected && typeof to.focus === 'function') to.focus(); }

  function dialogShell(titleText, opener, onClosed) {
    var titleId = uid('title');
    var dialog = el('dialog', { 'class': 'host-dialog', 'aria-labelledby': titleId });
    dialog.appendChild(el('h2', { id: titleId, text: titleText }));
    var result = null;
    dialog.addEventListener('close', function () { dialog.remove(); returnFocus(opener); onClosed(result); });
    document.body.appendChild(dialog);
    return { dialog: dialog, close: function (r) { result = r; dialog.close(); } };
  }

  function field(label, control) {
    control.id = control.id || uid('field');
    return el('div', { 'class': 'host-field' }, [el('label', { 'for': control.id, text: label }), control]);
  }

  function openCreate(context, answer) {
    var opener = focusedNow();
    fetch('/__host/create-meta', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (meta) {
      var shell = dialogShell('Create issue', opener, function (created) { answer(created ? [created] : []); });
      var form = el('form', { 'class': 'host-form', novalidate: true });
      var project = el('select', { name: 'projectId' });
      var type = el('select', { name: 'issueTypeId' });
      function fillTypes() {
        var p = meta.projects.filter(function (x) { return x.id === project.value; })[0] || meta.projects[0];
        type.textContent = '';
        p.issueTypes.forEach(function (t) { type.appendChild(el('option', { value: t.id, text: t.name })); });
        // The app's type when it gave one, else Bug (the local stand-in for the project's default).
        var wanted = context.issueTypeId || (p.issueTypes.filter(function (t) { return t.name === 'Bug'; })[0] || p.issueTypes[0]).id;
        type.value = wanted;
      }
      meta.projects.forEach(function (p) { project.appendChild(el('option', { value: p.id, text: p.name + ' (' + p.key + ')' })); });
      if (context.projectId) project.value = String(context.projectId);
      project.addEventListener('change', fillTypes);
      fillTypes();
      var summary = el('input', { name: 'summary', type: 'text', required: true });
      summary.value = typeof context.summary === 'string' ? context.summary : '';
      var description = el('textarea', { name: 'description', rows: '12' });
      description.value = context.description ? toText(context.description) : '';
      var error = el('p', { 'class': 'host-error', role: 'alert' });
      var create = el('button', { type: 'submit', 'class': 'host-primary', text: 'Create' });
      var cancel = el('button', { type: 'button', text: 'Cancel' });
      cancel.addEventListener('click', function () { shell.close(null); });
      form.appendChild(field('Project', project));
      form.appendChild(field('Issue type', type));
      form.appendChild(field('Summary', summary));
      form.appendChild(field('Description', description));
      form.appendChild(el('p', { 'class': 'host-muted', text: 'Reporter: ' + meta.reporter.displayName }));
      form.appendChild(error);
      form.appendChild(el('div', { 'class': 'host-actions' }, [create, cancel]));
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        // Required fields are checked here first, as Jira's dialog does; the server checks again.
        if (!summary.value.trim()) { error.textContent = 'Summary is required.'; summary.focus(); return; }
        create.disabled = true;
        error.textContent = '';
        fetch('/__host/issues', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ projectId: project.value, issueTypeId: type.value, summary: summary.value, description: description.value })
        }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (r) {
          create.disabled = false;
          if (!r.ok) { error.textContent = r.body.error || 'The issue could not be created.'; return; }
          shell.close({ issueId: r.body.id });
        }).catch(function () { create.disabled = false; error.textContent = 'The issue could not be created.'; });
      });
      shell.dialog.appendChild(form);
      shell.dialog.showModal();
      summary.focus();
    }).catch(function (e) { console.error('[forge-local] the Create Issue dialog could not open', e); answer([]); });
  }

  function openView(issueKey, answer) {
    var opener = focusedNow();
    fetch('/__host/issues/' + encodeURIComponent(issueKey), { credentials: 'same-origin' }).then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); }).then(function (r) {
      var shell = dialogShell(r.ok ? r.body.key + ': ' + r.body.summary : issueKey, opener, function () { answer(); });
      if (!r.ok) {
        shell.dialog.appendChild(el('p', { text: r.body.error || 'This issue does not exist.' }));
      } else {
        var i = r.body;
        var dl = el('dl', { 'class': 'host-details' }, [
          el('dt', { text: 'Type' }), el('dd', { text: i.type }),
          el('dt', { text: 'Status' }), el('dd', { text: i.status }),
          el('dt', { text: 'Project' }), el('dd', { text: i.project.name + ' (' + i.project.key + ')' }),
          el('dt', { text: 'Reporter' }), el('dd', { text: i.reporter ? i.reporter.displayName : 'Unknown' })
        ]);
        shell.dialog.appendChild(dl);
        i.description.forEach(function (p) { shell.dialog.appendChild(el('p', { 'class': 'host-description', text: p })); });
        shell.dialog.appendChild(el('p', {}, [el('a', { href: '/browse/' + encodeURIComponent(i.key), text: 'Open ' + i.key })]));
      }
      var close = el('button', { type: 'button', 'class': 'host-primary', text: 'Close' });
      close.addEventListener('click', function () { shell.close(null); });
      shell.dialog.appendChild(el('div', { 'class': 'host-actions' }, [close]));
      shell.dialog.showModal();
      close.focus();
    }).catch(function () { answer(); });
  }

  window.__tkHostDialogs = { openCreate: openCreate, openView: openView };
})();
`;

export const HOST_DIALOGS_CSS = `
.host-dialog { width: min(640px, calc(100vw - 24px)); max-height: calc(100vh - 48px); overflow: auto; border: 0; border-radius: 4px; padding: 20px 24px; background: var(--ds-surface-overlay); color: var(--ds-text); box-shadow: var(--ds-shadow-overlay); }
.host-dialog::backdrop { background: var(--ds-blanket, rgba(9, 30, 66, 0.54)); }
.host-dialog h2 { font: var(--ds-font-heading-medium); margin: 0 0 16px; overflow-wrap: anywhere; }
.host-field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 12px; }
.host-field label { font-weight: 600; color: var(--ds-text-subtle); font-size: 12px; }
.host-field input, .host-field select, .host-field textarea { font: inherit; color: var(--ds-text); background: var(--ds-background-input); border: 1px solid var(--ds-border-input); border-radius: 3px; padding: 6px 8px; }
.host-field textarea { resize: vertical; }
.host-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
.host-actions button { font: inherit; padding: 6px 12px; border-radius: 3px; border: 0; background: var(--ds-background-neutral); color: var(--ds-text); cursor: pointer; }
.host-actions .host-primary { background: var(--ds-background-brand-bold); color: var(--ds-text-inverse); }
.host-actions button:focus-visible, .host-field :focus-visible { outline: 2px solid var(--ds-border-focused); outline-offset: 2px; }
.host-error { color: var(--ds-text-danger); min-height: 0; margin: 0; }
.host-muted { color: var(--ds-text-subtlest); }
.host-details { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0 0 12px; }
.host-details dt { color: var(--ds-text-subtle); font-weight: 600; }
.host-details dd { margin: 0; }
.host-description { white-space: pre-wrap; overflow-wrap: anywhere; }
`;
