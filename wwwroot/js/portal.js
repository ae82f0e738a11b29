// Small helpers the Blazor components call through JS interop.
window.portal = {
    setCookie(name, value, days) {
        const expires = new Date(Date.now() + days * 864e5).toUTCString();
        document.cookie = `${name}=${encodeURIComponent(value)}; expires=${expires}; path=/; SameSite=Lax`;
    },
    submit(formId) {
        document.getElementById(formId)?.submit();
    },
};
