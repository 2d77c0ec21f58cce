// Sends a reaction with fetch() and shows the thank-you in place, instead of reloading the page.
// Without this script the form posts normally and the server redirects back to #thanks.
(function () {
  "use strict";
  var form = document.querySelector(".feedback form[data-port]");
  if (!form || !window.fetch) {
    return;
  }
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.value) {
      return;
    }
    event.preventDefault();
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    fetch("/api/v1/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        port: Number(form.getAttribute("data-port")),
        lang: form.getAttribute("data-lang"),
        reaction: button.value
      })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("status " + response.status);
      }
      var thanks = document.getElementById("thanks");
      thanks.classList.add("shown");
      form.hidden = true;
      thanks.focus();
    }).catch(function () {
      // Fall back to the plain form post, which carries the reaction in a hidden field.
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "reaction";
      field.value = button.value;
      form.appendChild(field);
      buttons.forEach(function (b) { b.disabled = false; });
      form.submit();
    });
  });
})();
