/* Action pool search: progressive enhancement of the plain GET form in actions/action_index_page.html.
 *
 * - submits the form as soon as a filter checkbox or the sort order changes,
 *   and hides the "apply" buttons that the form needs without JavaScript;
 * - leaves an empty search field out of the URL;
 * - after the reload puts the focus back on the control that was changed, so keyboard and
 *   screen-reader users keep their place;
 * - on narrow screens closes the filter panel on arrival, so the results are visible first.
 * Without this file the form works the same, with the buttons.
 */
(function () {
    "use strict";

    var form = document.querySelector("form[data-action-search]");
    if (!form) {
        return;
    }
    var FOCUS_KEY = "action-search:focus";
    var panel = form.querySelector("[data-filter-panel]");

    Array.prototype.forEach.call(form.querySelectorAll("[data-apply]"), function (button) {
        button.hidden = true;
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-js-only]"), function (element) {
        element.hidden = false;
    });

    function controlKey(control) {
        return control.type === "checkbox" ? control.name + "=" + control.value : control.name;
    }

    function restoreFocus() {
        var key;
        try {
            var stored = JSON.parse(window.sessionStorage.getItem(FOCUS_KEY) || "null");
            window.sessionStorage.removeItem(FOCUS_KEY);
            /* only right after our own submit, not on a later visit */
            key = stored && Date.now() - stored.at < 15000 ? stored.key : null;
        } catch (error) {
            return false;
        }
        if (!key) {
            return false;
        }
        var controls = form.querySelectorAll("input[type='checkbox'], select");
        for (var i = 0; i < controls.length; i += 1) {
            if (controlKey(controls[i]) === key) {
                controls[i].focus();
                return true;
            }
        }
        return false;
    }

    var restored = restoreFocus();
    if (panel && !restored && window.matchMedia("(max-width: 59.99rem)").matches) {
        panel.open = false;
    }

    form.addEventListener("change", function (event) {
        var control = event.target;
        if (!(control.type === "checkbox" || (control.tagName === "SELECT" && control.name === "sort"))) {
            return;
        }
        try {
            window.sessionStorage.setItem(FOCUS_KEY, JSON.stringify({ key: controlKey(control), at: Date.now() }));
        } catch (error) {
            /* no storage (private mode): the form still submits */
        }
        if (typeof form.requestSubmit === "function") {
            form.requestSubmit();
        } else {
            form.submit();
        }
    });

    form.addEventListener("formdata", function (event) {
        if (!String(event.formData.get("q") || "").trim()) {
            event.formData.delete("q");
        }
    });
})();
