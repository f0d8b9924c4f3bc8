// Fast staff entry: Enter saves the input and opens the next; Shift+Enter makes a new line.
// The form also works without this script (a Save button, a normal POST).
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
  if (!target.matches || !target.matches("form[data-enter-submits] textarea")) return;
  event.preventDefault();
  target.form.requestSubmit();
});
// After htmx swaps in the next empty form, put the cursor in the text box again.
document.addEventListener("htmx:afterSwap", function (event) {
  var box = document.querySelector("form[data-enter-submits] textarea");
  if (box) box.focus();
});
