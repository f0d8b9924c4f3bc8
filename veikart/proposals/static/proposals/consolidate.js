// Konsolider: after htmx swaps a cluster, move the keyboard focus to what changed (the first
// field with an error, or the message saying what was done), so a keyboard or screen-reader
// user is not left on a button that no longer exists. Each is focused once.
// The page works without this script (plain forms and redirects).
document.addEventListener("htmx:afterSettle", function () {
  var target =
    document.querySelector(".cluster [aria-invalid='true']:not([data-seen])") ||
    document.querySelector(".cluster .field-error:not([data-seen])") ||
    document.querySelector(".cluster .done-message:not([data-seen])");
  if (!target) return;
  document.querySelectorAll(".cluster .field-error, .cluster [aria-invalid='true']").forEach(
    function (el) { el.setAttribute("data-seen", "1"); }
  );
  if (!target.matches("input, select, textarea")) target.setAttribute("tabindex", "-1");
  target.setAttribute("data-seen", "1");
  target.focus();
});
