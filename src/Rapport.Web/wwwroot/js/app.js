// Rapport's one script: keyboard shortcuts, the quick-capture dialog and its name suggestions. Every page works without it.
(() => {
    "use strict";
    const dialog = document.getElementById("capture-dialog");
    const typing = (el) => el && (el.isContentEditable || /^(input|textarea|select)$/i.test(el.tagName));

    function openCapture() {
        if (!dialog || dialog.open) return;
        dialog.showModal();
        const who = document.getElementById("qc-who");
        if (who) who.focus();
    }

    document.querySelectorAll("[data-capture]").forEach((link) => {
        link.addEventListener("click", (e) => {
            if (!dialog) return;
            e.preventDefault();
            openCapture();
        });
    });

    document.addEventListener("keydown", (e) => {
        if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
        if (e.key === "c") {
            e.preventDefault();
            openCapture();
        } else if (e.key === "/") {
            const search = document.querySelector("input[type=search]");
            e.preventDefault();
            if (search) search.focus();
            else window.location.href = "/people?focus=search";
        }
    });

    // Copy buttons next to message drafts.
    document.querySelectorAll("[data-copy]").forEach((button) => {
        button.hidden = false;
        button.addEventListener("click", async () => {
            const source = document.getElementById(button.getAttribute("data-copy"));
            if (!source) return;
            try {
                await navigator.clipboard.writeText(source.value || source.textContent || "");
            } catch {
                source.select();
                document.execCommand("copy");
            }
            const status = document.getElementById(button.getAttribute("data-copy") + "-status");
            if (status) status.textContent = "Copied.";
        });
    });

    // Who: names suggested as one types, in the field's own <datalist> (the browser shows and keyboard-navigates them).
    // Several people are separated by commas, so only the last part is looked up and each suggestion keeps the rest.
    document.querySelectorAll("input[data-suggest][list]").forEach((input) => {
        const list = document.getElementById(input.getAttribute("list"));
        if (!list) return;
        let timer = 0;
        let asked = "";
        input.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(async () => {
                const value = input.value;
                const cut = value.lastIndexOf(",");
                const head = cut >= 0 ? value.slice(0, cut + 1) + " " : "";
                const term = value.slice(cut + 1).trim();
                if (term.length < 2 || term === asked) return;
                asked = term;
                try {
                    const response = await fetch(input.dataset.suggest + "?q=" + encodeURIComponent(term), { headers: { Accept: "application/json" } });
                    if (!response.ok) return;
                    const names = await response.json();
                    list.replaceChildren(...names.map((n) => {
                        const option = document.createElement("option");
                        option.value = head + n.name;
                        return option;
                    }));
                } catch {
                    // No suggestions: the field still takes a name, an email or an id.
                }
            }, 150);
        });
    });

    // "Select all" for the bulk edit table.
    const all = document.getElementById("select-all");
    if (all) {
        all.hidden = false;
        all.addEventListener("change", () => {
            document.querySelectorAll("input[name=ids]").forEach((box) => { box.checked = all.checked; });
        });
    }
})();
