// Settings, network and time (org.echarge.system: GET/PUT api/system/network). Read-only with its
// reason when the host adapter says the network is not editable here.

import * as api from './api.js';
import { t } from './i18n.js';
import { $, act, loadCard, say } from './ui.js';

const FIELDS = ['network-mode', 'network-address', 'network-prefix', 'network-gateway', 'network-dns', 'network-ntp',
  'network-submit'];

const list = (text) => text.split(/[\s,;]+/).filter(Boolean);

export class NetworkCard {
  constructor(options) {
    this.options = options;
    this.network = null;
    $('network-mode').addEventListener('change', () => this.enableFields());
    $('network-body').addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
  }

  load() {
    say('network-message', '');
    return loadCard('network', () => api.get('api/system/network'), (network) => this.show(network));
  }

  rerender() {
    if (this.network) {
      this.showReadOnly();
    }
  }

  show(network) {
    this.network = network;
    const ipv4 = network.ipv4 ?? {};
    $('network-interface').textContent = network.interface ?? '';
    $('network-mode').value = ipv4.mode ?? 'DHCP';
    $('network-address').value = ipv4.address ?? '';
    $('network-prefix').value = ipv4.prefixLength ?? '';
    $('network-gateway').value = ipv4.gateway ?? '';
    $('network-dns').value = (ipv4.dns ?? []).join(', ');
    $('network-ntp').value = (network.ntp?.servers ?? []).join(', ');
    this.showReadOnly();
    this.enableFields();
  }

  showReadOnly() {
    const reason = this.network.editable ? '' : t('network.readOnly', { reason: this.network.reason ?? '–' });
    say('network-readonly', reason, 'info');
  }

  /** Address, prefix and gateway only for a fixed address; nothing when read-only. */
  enableFields() {
    const editable = Boolean(this.network?.editable);
    const fixed = $('network-mode').value === 'STATIC';
    for (const id of FIELDS) {
      const staticOnly = ['network-address', 'network-prefix', 'network-gateway'].includes(id);
      $(id).disabled = !editable || (staticOnly && !fixed);
    }
  }

  /** The PUT body: the GET's shape without editable and reason (the fields as shown). */
  document() {
    const mode = $('network-mode').value;
    const prefix = $('network-prefix').value;
    return {
      interface: this.network.interface,
      ipv4: {
        mode,
        address: $('network-address').value.trim() || null,
        prefixLength: prefix === '' ? null : Number(prefix),
        gateway: $('network-gateway').value.trim() || null,
        dns: list($('network-dns').value),
      },
      ntp: { servers: list($('network-ntp').value) },
    };
  }

  save() {
    return act($('network-submit'), 'network-message', async () => {
      this.show(await api.call('PUT', 'api/system/network', this.document()));
      return t('network.saved');
    }, {
      ...this.options,
      refusal: (error) => (error.code === 'read-only' ? t('network.readOnly', { reason: error.message }) : null),
    });
  }
}
