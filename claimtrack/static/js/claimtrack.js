// Behaviour shared by every page. Kept in a static file so the Content-Security-Policy
// can forbid inline script.
(function () {
  "use strict";
  // htmx requests carry the CSRF token in a header; forms carry it as a field.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers["X-CSRFToken"] = meta.content;
    }
  });
})();
