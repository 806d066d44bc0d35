// Research sessions: selecting a passage in the notes or the transcript fills the "New insight"
// form with the quote, where it was found and the transcript segment it starts in. Without this
// script the form still works: the passage is pasted, and the server checks it occurs.
(function () {
  'use strict';
  var form = document.querySelector('[data-highlight-form]');
  if (!form) {
    return;
  }
  var status = document.getElementById('highlight-status');

  function sourceOf(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el ? el.closest('[data-highlight-source]') : null;
  }

  function take() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      return;
    }
    var text = selection.toString().replace(/\s+/g, ' ').trim();
    var source = sourceOf(selection.anchorNode);
    if (!text || !source || source !== sourceOf(selection.focusNode)) {
      return;
    }
    var range = selection.getRangeAt(0);
    var start = range.startContainer.nodeType === 1
      ? range.startContainer : range.startContainer.parentElement;
    var segment = start.closest('[data-segment]');
    var where = source.getAttribute('data-highlight-source');
    form.elements.quote.value = text;
    form.elements.source.value = where;
    form.elements.segment.value = segment ? segment.getAttribute('data-segment') : '';
    if (status) {
      var meta = segment ? segment.querySelector('.research-seg-meta') : null;
      var said = meta && meta.textContent.trim() ? ' (' + meta.textContent.trim().replace(/\s+/g, ' ') + ')' : '';
      status.textContent = 'Quoted ' + text.length + ' characters from the ' + where + said
        + '. Add a note and tags, then create the insight.';
    }
  }

  document.addEventListener('mouseup', function () {
    window.setTimeout(take, 0);
  });
  document.addEventListener('keyup', function (e) {
    if (e.shiftKey || e.key === 'Shift') {
      take();
    }
  });
})();
