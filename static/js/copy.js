// copy.js: the Copy buttons of an entry's "Cite this entry". The citations
// are text on the page; the buttons are shown only where this script runs
// and the browser lets a page write to the clipboard.
(function () {
  'use strict';
  if (!navigator.clipboard) return;
  document.querySelectorAll('button.copy-citation').forEach(function (button) {
    var text = document.getElementById(button.dataset.copy);
    if (!text) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(text.textContent.replace(/\s+/g, ' ').trim()).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 2000);
      });
    });
  });
})();
