// The fake CRM's own page script, injected into every page the fake CRM server serves. It plays the CRM's
// single-page app: same-origin link clicks and history navigation swap the page body without a reload (so the
// extension sees `wxt:locationchange`, never a new page load), after `delayMs`, as a real CRM renders late.
// Test hooks, called with page.evaluate:
//   window.__spa.navigate(url)     pushState + render, resolves once the new record is on screen
//   window.__spa.delayMs = n       how long the "render" takes after the URL changes (default 80 ms)
//   window.__setStage(name)        move the record to another stage, as the CRM's own Path/stage control would
(() => {
  const config = JSON.parse(document.currentScript.dataset.config);
  let fixtureStyles = [...document.head.querySelectorAll('style')];
  const spa = { delayMs: config.delayMs, navigations: 0 };
  window.__spa = spa;

  async function render(url) {
    const res = await fetch(url, { headers: { 'x-fake-crm': 'spa' } });
    const html = await res.text();
    await new Promise((r) => setTimeout(r, spa.delayMs));
    if (location.href !== url) return; // a newer navigation won
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.title = next.title;
    for (const s of fixtureStyles) s.remove();
    fixtureStyles = [...next.head.querySelectorAll('style')];
    document.head.append(...fixtureStyles);
    document.body.className = next.body.className;
    document.body.replaceChildren(...next.body.childNodes);
    spa.navigations++;
  }

  spa.navigate = async (href) => {
    const url = new URL(href, location.href).href;
    history.pushState({}, '', url);
    await render(url);
  };
  addEventListener('popstate', () => void render(location.href));
  document.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!a || event.defaultPrevented || event.button || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const url = new URL(a.getAttribute('href'), location.href);
    if (url.origin !== location.origin || a.getAttribute('href').startsWith('#')) {
      if (a.getAttribute('href') === '#') event.preventDefault();
      return;
    }
    event.preventDefault();
    void spa.navigate(url.href);
  });

  const stageSetters = {
    salesforce(name) {
      const page = document.querySelector('.oneContent.active') ?? document;
      const items = [...page.querySelectorAll('.slds-path__item')];
      if (!items.length) throw new Error('no Path on this page');
      let index = items.findIndex((li) => li.querySelector('.slds-path__title')?.textContent.trim() === name);
      if (index < 0) {
        index = items.length - 1;
        items[index].querySelector('.slds-path__title').textContent = name;
      }
      items.forEach((li, i) => {
        li.classList.remove('slds-is-complete', 'slds-is-current', 'slds-is-active', 'slds-is-incomplete', 'slds-is-won', 'slds-is-lost');
        li.classList.add(i < index ? 'slds-is-complete' : i > index ? 'slds-is-incomplete' : 'slds-is-current');
        if (i === index) li.classList.add('slds-is-active', ...(/won/i.test(name) ? ['slds-is-won'] : []));
      });
    },
    hubspot(name) {
      const stage = document.querySelector('[data-selenium-test="property-input-dealstage"]');
      if (!stage) throw new Error('no deal stage on this page');
      stage.textContent = name;
    },
  };
  window.__setStage = (name) => {
    const set = stageSetters[config.crm];
    if (!set) throw new Error(`__setStage is not implemented for ${config.crm}`);
    set(name);
  };
})();
