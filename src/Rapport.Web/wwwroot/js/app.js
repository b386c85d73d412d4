// Rapport's one script: keyboard shortcuts and the quick-capture dialog. Every page works without it.
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

    // "Select all" for the bulk edit table.
    const all = document.getElementById("select-all");
    if (all) {
        all.hidden = false;
        all.addEventListener("change", () => {
            document.querySelectorAll("input[name=ids]").forEach((box) => { box.checked = all.checked; });
        });
    }
})();
