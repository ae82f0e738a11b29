// Keeps the ask form's text in the tab's sessionStorage from the browser itself (an 'input' listener, not the circuit),
// so what a resident typed survives a dropped connection or a reload; the form's request id is kept beside it so that
// sending again after a reload still creates one question.
const textKey = key => `${key}:text`;
const requestKey = key => `${key}:request`;

export function start(element, key, requestId) {
    const saved = { text: sessionStorage.getItem(textKey(key)), requestId: sessionStorage.getItem(requestKey(key)) };
    if (!saved.requestId) sessionStorage.setItem(requestKey(key), requestId);
    element.addEventListener('input', e => {
        if (e.target instanceof HTMLTextAreaElement) sessionStorage.setItem(textKey(key), e.target.value);
    });
    return saved;
}

export function restart(key, requestId) {
    sessionStorage.removeItem(textKey(key));
    sessionStorage.setItem(requestKey(key), requestId);
}
