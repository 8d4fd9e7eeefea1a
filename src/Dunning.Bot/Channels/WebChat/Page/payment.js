// Dunning.Bot web chat: the payment card (channelData.dunning.payment): holder, IBAN in groups of four, BIC, bank, and
// per transfer the amount, the reference and the GiroCode, with copy buttons for IBAN, amount and reference. On a phone
// (narrow or touch screen; see chat.css) the GiroCode can be shared to the banking app or saved. Every value is written
// with textContent; the image is the activity's own data: URI, checked by the caller's safeUrl.
(() => {
  'use strict';

  async function copyText(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(text); return true; }
    } catch { /* fall back below */ }
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    area.remove();
    return ok;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Words kept whole: the IBAN wraps only between groups of four, a reference only between its words (never at a hyphen).
  function unbroken(value, className, splitEvery) {
    const span = el('span', 'value ' + className);
    const parts = splitEvery ? String(value).replace(/\s+/g, '').match(new RegExp('.{1,' + splitEvery + '}', 'g')) || [] : String(value).split(/\s+/);
    parts.filter(Boolean).forEach((part, i) => {
      if (i > 0) span.appendChild(document.createTextNode(' '));
      span.appendChild(el('span', 'nowrap', part));
    });
    return span;
  }

  window.DunningPayment = (t, safeUrl, onImageLoad) => {
    function row(list, label, value, copy) {
      if (!value) return;
      const dt = el('dt', null, t(label));
      const dd = el('dd');
      dd.appendChild(value instanceof Node ? value : el('span', 'value', value));
      if (copy) {
        const button = el('button', 'copy', t('copy'));
        button.type = 'button';
        button.dataset.copy = copy;
        button.setAttribute('aria-label', t(label) + ' ' + t('copy_label'));
        button.addEventListener('click', async () => {
          const ok = await copyText(copy);
          button.textContent = ok ? t('copied') : t('copy');
          button.classList.toggle('done', ok);
          if (!ok) button.title = t('copy_failed');
          setTimeout(() => { button.textContent = t('copy'); button.classList.remove('done'); }, 2000);
        });
        dd.appendChild(button);
      }
      list.append(dt, dd);
    }

    function code(card, src, epc) {
      const figure = el('figure', 'girocode');
      const img = el('img');
      img.alt = t('girocode');
      img.addEventListener('load', onImageLoad);
      img.src = src;
      figure.append(img, el('figcaption', null, t('girocode')));
      const tools = el('div', 'phone-only');
      const file = () => fetch(src).then(r => r.blob()).then(b => new File([b], 'girocode.png', { type: 'image/png' }));
      if (navigator.canShare && navigator.share) {
        const share = el('button', 'share', t('share'));
        share.type = 'button';
        share.addEventListener('click', async () => {
          try {
            const f = await file();
            if (navigator.canShare({ files: [f] })) await navigator.share({ files: [f], title: t('payment') });
            else await navigator.share({ text: epc, title: t('payment') });
          } catch { /* the user closed the share sheet */ }
        });
        tools.appendChild(share);
      }
      const save = el('a', 'save', t('save_code'));
      save.href = src;
      save.download = 'girocode.png';
      tools.appendChild(save);
      figure.appendChild(tools);
      card.appendChild(figure);
    }

    return {
      render(li, payment, attachments) {
        const card = el('section', 'pay');
        card.setAttribute('aria-label', t('payment'));
        card.appendChild(el('h2', null, t('payment')));
        const account = el('dl');
        row(account, 'holder', payment.holder);
        row(account, 'iban', unbroken(payment.iban_plain || payment.iban, 'iban', 4), payment.iban_plain);
        row(account, 'bic', payment.bic);
        row(account, 'bank', payment.bank);
        card.appendChild(account);
        for (const transfer of Array.isArray(payment.transfers) ? payment.transfers : []) {
          const list = el('dl', 'transfer');
          row(list, 'amount', transfer.amount, transfer.amount_plain);
          row(list, 'reference', unbroken(transfer.reference || '', 'reference'), transfer.reference);
          card.appendChild(list);
          const image = Number.isInteger(transfer.image) && transfer.image >= 0 ? (attachments || [])[transfer.image] : null;
          const src = image && safeUrl(image.contentUrl, true);
          if (src) code(card, src, transfer.epc || '');
        }
        if (payment.note) card.appendChild(el('p', 'note', payment.note));
        li.appendChild(card);
      },
    };
  };
})();
