// Type-ahead for the home-village field of the static account pages (Register, profile).
// Progressive enhancement: the form works without this script (the server resolves the typed name).
(() => {
    function init(root) {
        if (root.dataset.ready) return;
        root.dataset.ready = "1";
        const input = root.querySelector('input[type="text"]');
        const hidden = root.querySelector('input[type="hidden"]');
        const list = root.querySelector('.village-results');
        const status = root.querySelector('[role="status"]');
        const candidates = root.querySelector('.village-candidates');
        let timer = 0, controller = null;

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');

        input.addEventListener('input', () => {
            hidden.value = '';
            if (candidates) {
                candidates.querySelectorAll('input').forEach(r => { r.checked = false; });
                candidates.hidden = true;
            }
            clearTimeout(timer);
            timer = setTimeout(search, 250);
        });
        input.addEventListener('keydown', e => {
            if (e.key === 'ArrowDown' && !list.hidden) { e.preventDefault(); list.querySelector('button')?.focus(); }
            if (e.key === 'Escape') close();
            if (e.key === 'Enter' && !list.hidden) {
                // Enter picks the only result instead of submitting a half-filled form.
                const buttons = list.querySelectorAll('button');
                if (buttons.length === 1) { e.preventDefault(); buttons[0].click(); }
            }
        });
        list.addEventListener('keydown', e => {
            const buttons = [...list.querySelectorAll('button')];
            const i = buttons.indexOf(document.activeElement);
            if (e.key === 'ArrowDown') { e.preventDefault(); buttons[Math.min(i + 1, buttons.length - 1)]?.focus(); }
            if (e.key === 'ArrowUp') { e.preventDefault(); if (i <= 0) input.focus(); else buttons[i - 1].focus(); }
            if (e.key === 'Escape') { close(); input.focus(); }
        });

        async function search() {
            const q = input.value.trim();
            if (q.length < 2) { close(); return; }
            controller?.abort();
            controller = new AbortController();
            try {
                const response = await fetch(`${root.dataset.endpoint}?q=${encodeURIComponent(q)}`,
                    { signal: controller.signal, headers: { Accept: 'application/json' } });
                if (!response.ok || !(response.headers.get('content-type') || '').includes('json')) return;
                render(await response.json());
            } catch (e) {
                if (e.name !== 'AbortError') console.warn('village search failed', e);
            }
        }

        function render(items) {
            list.replaceChildren();
            if (items.length === 0) {
                const empty = document.createElement('p');
                empty.className = 'village-empty';
                empty.textContent = root.dataset.none;
                list.append(empty);
            }
            for (const item of items) {
                const button = document.createElement('button');
                button.type = 'button';
                const name = document.createElement('strong');
                name.textContent = item.name;
                button.append(name);
                if (item.where) {
                    const where = document.createElement('small');
                    where.textContent = ` · ${item.where}`;
                    button.append(where);
                }
                button.addEventListener('click', () => choose(item));
                list.append(button);
            }
            if (items.length >= 20) {
                const more = document.createElement('p');
                more.className = 'village-empty';
                more.textContent = root.dataset.more;
                list.append(more);
            }
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
            status.textContent = items.length === 0 ? root.dataset.none : '';
        }

        function choose(item) {
            hidden.value = item.id;
            input.value = item.name;
            close();
            status.textContent = `${root.dataset.chosen} ${item.name}${item.where ? ' · ' + item.where : ''}`;
            input.focus();
        }

        function close() {
            list.hidden = true;
            list.replaceChildren();
            input.setAttribute('aria-expanded', 'false');
        }
    }

    const scan = () => document.querySelectorAll('[data-village-picker]').forEach(init);
    scan();
    // Blazor's enhanced navigation swaps page content without running scripts again.
    const hook = () => window.Blazor?.addEventListener?.('enhancedload', scan);
    if (window.Blazor) hook(); else document.addEventListener('DOMContentLoaded', () => { scan(); hook(); });
})();
