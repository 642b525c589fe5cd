// Settings, HTTPS (org.echarge.web: GET api/tls, PUT api/tls {httpEnabled}, PUT api/tls/certificate
// {certificatePem, privateKeyPem}): the certificate in use with its fingerprint, one's own
// certificate, and plain HTTP on or off.

import * as api from './api.js';
import { format, t } from './i18n.js';
import { $, act, loadCard, say } from './ui.js';

export class TlsCard {
  constructor(options) {
    this.options = options;
    this.tls = null;
    $('tls-http-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.setHttp();
    });
    $('tls-cert-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.install();
    });
  }

  load() {
    say('tls-message', '');
    say('tls-http-message', '');
    return loadCard('tls', () => api.get('api/tls'), (tls) => this.show(tls));
  }

  rerender() {
    if (this.tls) {
      this.show(this.tls);
    }
  }

  show(tls) {
    this.tls = tls;
    const certificate = tls.certificate ?? {};
    $('tls-https').textContent = tls.httpsEnabled ? t('tls.onPort', { port: tls.httpsPort }) : t('tls.off');
    $('tls-subject').textContent = format.text(certificate.subject);
    $('tls-issuer').textContent = format.text(certificate.issuer);
    $('tls-validity').textContent = certificate.notAfter
      ? t('tls.fromTo', { from: format.dateTime(certificate.notBefore), to: format.dateTime(certificate.notAfter) })
      : format.text(null);
    $('tls-sha256').textContent = format.text(certificate.sha256);
    $('tls-self-signed').textContent = format.yesNo(certificate.selfSigned);
    $('tls-http-enabled').checked = Boolean(tls.httpEnabled);
  }

  setHttp() {
    const httpEnabled = $('tls-http-enabled').checked;
    return act($('tls-http-submit'), 'tls-http-message', async () => {
      await api.call('PUT', 'api/tls', { httpEnabled });
      await this.load();
      return httpEnabled ? t('tls.httpOn') : t('tls.httpOff');
    }, {
      ...this.options,
      refusal: (error) => (error.code === 'https-required' ? t('tls.httpsRequired') : null),
    });
  }

  install() {
    return act($('tls-cert-submit'), 'tls-message', async () => {
      await api.call('PUT', 'api/tls/certificate', {
        certificatePem: $('tls-cert-pem').value,
        privateKeyPem: $('tls-key-pem').value,
      });
      $('tls-cert-form').reset();
      await this.load();
      return t('tls.installed');
    }, this.options);
  }
}
