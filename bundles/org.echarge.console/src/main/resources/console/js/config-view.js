// The Configuration page (org.echarge.config): a form generated from the metatype schema
// (GET api/config/schema) and filled from the document (GET api/config); one section per PID, one
// block per factory instance (charging points ...) with add and remove. Every change is validated
// by the server (POST api/config/validate, debounced) and its problems shown at the fields; Apply
// sends the whole document (PUT api/config, all or nothing). Import and export of the document
// file, and the ETS group address CSV of the KNX binding.

import * as api from './api.js';
import { createInput, defaultValue, readInput, slug } from './config-form.js';
import { t } from './i18n.js';
import { $, act, debounce, make, problemText, say } from './ui.js';

const VALIDATE_DELAY_MILLIS = 400;

const major = (version) => String(version ?? '').split('.')[0];

/** The element id of a configuration entry: its PID, or factory PID and instance name. */
const entryId = (entry) => `cfg-${slug(entry.factoryPid && entry.name ? `${entry.factoryPid}-${entry.name}`
  : entry.pid)}`;

export class ConfigView {
  constructor({ onUnauthorized }) {
    this.options = { onUnauthorized };
    this.schema = null;
    this.document = null;
    this.entries = [];
    this.pendingImport = null;
    this.validateSoon = debounce(() => this.validate(), VALIDATE_DELAY_MILLIS);
    $('config-apply').addEventListener('click', () => this.apply());
    $('config-reload').addEventListener('click', () => this.open());
    $('config-export').addEventListener('click', () => this.download('config-export', 'api/config/export',
      'echarge-config.json'));
    $('config-ets').addEventListener('click', () => this.download('config-ets', 'api/knx/ets.csv',
      'e-charge-group-addresses.csv'));
    $('config-import-file').addEventListener('change', (event) => this.chooseImport(event.target));
    $('config-import-force').addEventListener('click', () => this.importFile(true));
    $('config-import-cancel').addEventListener('click', () => this.cancelImport());
    $('config-sections').addEventListener('input', (event) => this.changed(event.target));
    $('config-sections').addEventListener('change', (event) => this.changed(event.target));
  }

  download(button, path, fallbackName) {
    return act($(button), 'config-message', async () => t('config.exported',
      { name: await api.download(path, fallbackName) }), this.options);
  }

  async open() {
    say('config-message', '');
    this.cancelImport();
    // the previous form goes at once: nothing typed into it while the new one loads would count
    $('config-sections').replaceChildren();
    this.showProblems([]);
    try {
      const [schema, document] = await Promise.all([api.get('api/config/schema'), api.get('api/config')]);
      $('config-unavailable').hidden = true;
      $('config-body').hidden = false;
      this.schema = schema;
      this.load(document);
    } catch (error) {
      if (error.status === 401) {
        this.options.onUnauthorized();
      } else if (error.unavailable) {
        $('config-unavailable').hidden = false;
        $('config-body').hidden = true;
        $('config-sections').replaceChildren();
      } else {
        say('config-message', problemText(error), 'error');
      }
    }
  }

  rerender() {
    if (this.schema) {
      this.render();
    }
  }

  load(document) {
    this.document = document;
    this.entries = document.configurations.map((entry) => ({ ...entry, properties: { ...entry.properties } }));
    this.setState('clean');
    this.render();
  }

  setState(state) {
    $('config-state').dataset.state = state;
    $('config-state').textContent = t(`config.state.${state}`);
  }

  render() {
    $('config-version').textContent = t('config.version', { version: this.document.applicationVersion ?? '–' });
    $('config-sections').replaceChildren(...this.schema.sections.map((section) => this.section(section)));
  }

  section(section) {
    const card = make('article', { className: 'card config-section', id: `cfg-section-${slug(section.pid)}` });
    card.append(make('h2', {}, section.name || section.pid));
    if (section.description) {
      card.append(make('p', { className: 'muted' }, section.description));
    }
    if (!section.factory) {
      let entry = this.entries.find((candidate) => candidate.pid === section.pid && !candidate.factoryPid);
      if (!entry) {
        // not configured yet: shown with the defaults, sent only once something is changed
        entry = { pid: section.pid, factoryPid: null, name: null, properties: {}, untouched: true };
        this.entries.push(entry);
      }
      card.append(this.fields(section, entry));
      return card;
    }
    for (const entry of this.entries.filter((candidate) => candidate.factoryPid === section.pid)) {
      const block = this.fields(section, entry);
      const remove = make('button', { type: 'button', className: 'secondary', id: `${entryId(entry)}-remove` },
        t('config.remove'));
      remove.addEventListener('click', () => this.remove(entry));
      block.querySelector('legend').append(' ', remove);
      card.append(block);
    }
    card.append(this.addForm(section));
    return card;
  }

  /** A fieldset with one labelled input per attribute, its description and its problem line. */
  fields(section, entry) {
    const id = entryId(entry);
    const block = make('fieldset', { className: 'config-entry', id });
    block.append(make('legend', {}, entry.factoryPid ? t('config.instance', { name: entry.name ?? entry.pid }) : ''));
    block.append(make('ul', { className: 'error problems', id: `${id}-problems` }));
    const grid = make('div', { className: 'form' });
    for (const attribute of section.attributes) {
      const fieldId = `${id}-${slug(attribute.id)}`;
      if (!entry.untouched && entry.properties[attribute.id] === undefined && defaultValue(attribute) !== undefined) {
        // a stored configuration without this attribute runs with its default: the field shows it,
        // and the document carries it, so that what is shown is what Apply sends
        entry.properties[attribute.id] = defaultValue(attribute);
      }
      const input = createInput(attribute, fieldId, entry.properties[attribute.id]);
      input.dataset.entry = String(this.entries.indexOf(entry));
      input.dataset.attribute = attribute.id;
      const required = attribute.required ? ' *' : '';
      const label = make('label', { for: fieldId }, `${attribute.name || attribute.id}${required}`);
      const help = make('div', { className: 'field' });
      help.append(input);
      if (attribute.description) {
        help.append(make('small', { className: 'muted' }, attribute.description));
      }
      help.append(make('small', { className: 'error', id: `${fieldId}-problem`, hidden: true }));
      grid.append(label, help);
    }
    block.append(grid);
    return block;
  }

  addForm(section) {
    const form = make('form', { className: 'inline-form', id: `cfg-add-${slug(section.pid)}` });
    const nameId = `cfg-add-${slug(section.pid)}-name`;
    const name = make('input', { id: nameId, required: true, spellcheck: false, value: this.freeName(section.pid) });
    form.append(make('label', { for: nameId }, t('config.newName')), name,
      make('button', { type: 'submit', id: `cfg-add-${slug(section.pid)}-submit` }, t('config.add')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.add(section, name.value.trim());
    });
    return form;
  }

  freeName(factoryPid) {
    const taken = new Set(this.entries.filter((entry) => entry.factoryPid === factoryPid).map((entry) => entry.name));
    let n = 1;
    while (taken.has(String(n))) {
      n += 1;
    }
    return String(n);
  }

  /** A new factory instance with the schema's defaults; the server gives it its PID when applied. */
  add(section, name) {
    if (!name || this.entries.some((entry) => entry.factoryPid === section.pid && entry.name === name)) {
      say('config-message', t('config.nameTaken', { name }), 'error');
      return;
    }
    const properties = {};
    for (const attribute of section.attributes) {
      const value = defaultValue(attribute);
      if (value !== undefined) {
        properties[attribute.id] = value;
      }
    }
    this.entries.push({ pid: null, factoryPid: section.pid, name, properties });
    this.edited();
  }

  remove(entry) {
    this.entries.splice(this.entries.indexOf(entry), 1);
    this.edited();
  }

  edited() {
    this.render();
    this.setState('changed');
    this.validateSoon();
  }

  changed(input) {
    if (input.dataset.entry === undefined) {
      return;
    }
    const entry = this.entries[Number(input.dataset.entry)];
    const section = this.schema.sections.find((candidate) => candidate.pid === (entry.factoryPid ?? entry.pid));
    const attribute = section.attributes.find((candidate) => candidate.id === input.dataset.attribute);
    const value = readInput(attribute, input);
    if (value === undefined) {
      delete entry.properties[attribute.id];
    } else {
      entry.properties[attribute.id] = value;
    }
    if (entry.untouched) {
      // a section that had no configuration: its defaults become explicit along with the change
      for (const other of section.attributes) {
        if (!(other.id in entry.properties) && defaultValue(other) !== undefined) {
          entry.properties[other.id] = defaultValue(other);
        }
      }
      delete entry.untouched;
    }
    this.setState('changed');
    this.validateSoon();
  }

  /** The document as edited: what was loaded, changed, added; removed instances left out. */
  edition() {
    return {
      format: this.document.format,
      applicationVersion: this.document.applicationVersion,
      configurations: this.entries.filter((entry) => !entry.untouched).map(({ pid, factoryPid, name, properties }) =>
        ({ pid, factoryPid, name, properties })),
    };
  }

  async validate() {
    this.setState('validating');
    try {
      const result = await api.call('POST', 'api/config/validate', this.edition());
      this.showProblems(result.problems);
      this.setState(result.valid ? 'valid' : 'invalid');
    } catch (error) {
      if (error.status === 401) {
        this.options.onUnauthorized();
      } else {
        this.setState('changed');
        say('config-message', problemText(error), 'error');
      }
    }
  }

  /** Each problem at its field, else at its section, else at the top. */
  showProblems(problems) {
    for (const element of document.querySelectorAll('#config-sections .problems, #config-sections [id$="-problem"]')) {
      element.replaceChildren();
      if (element.tagName === 'SMALL') {
        element.hidden = true;
      }
    }
    for (const input of document.querySelectorAll('#config-sections [aria-invalid]')) {
      input.removeAttribute('aria-invalid');
    }
    const general = [];
    for (const problem of problems) {
      const entry = this.entries.find((candidate) => (candidate.pid && candidate.pid === problem.pid)
        || (candidate.factoryPid && candidate.factoryPid === (problem.factoryPid ?? problem.pid)
          && candidate.name === problem.name));
      const id = entry ? entryId(entry) : null;
      const field = id && problem.attribute ? $(`${id}-${slug(problem.attribute)}`) : null;
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        const line = $(`${field.id}-problem`);
        line.textContent = [line.textContent, problem.message].filter(Boolean).join(' · ');
        line.hidden = false;
      } else if (id && $(`${id}-problems`)) {
        $(`${id}-problems`).append(make('li', {}, problem.message));
      } else {
        general.push(problem);
      }
    }
    $('config-problems').replaceChildren(...general.map((problem) => make('li', {},
      [problem.pid, problem.name, problem.attribute].filter(Boolean).join(' / ') + `: ${problem.message}`)));
  }

  apply() {
    return act($('config-apply'), 'config-message', async () => {
      const result = await api.call('PUT', 'api/config', this.edition());
      await this.open();
      return t('config.applied', { changed: result.changed });
    }, { ...this.options, refusal: (error) => this.refusal(error) });
  }

  refusal(error) {
    if (error.code === 'config-refused') {
      const problems = error.body?.problems ?? [];
      this.showProblems(problems);
      this.setState('invalid');
      // the problems themselves say more than the summary ("refused: 1 problem(s)")
      const reasons = problems.slice(0, 3).map((problem) => problem.message);
      return t('config.refused', { reason: reasons.length ? reasons.join('; ') : error.message });
    }
    return null;
  }

  /** Reads the chosen file; warns first if its application version is of another major version. */
  async chooseImport(input) {
    const file = input.files[0];
    input.value = '';
    if (!file) {
      return;
    }
    say('config-message', '');
    let parsed;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      say('config-message', t('config.notAFile', { name: file.name }), 'error');
      return;
    }
    this.pendingImport = file;
    if (major(parsed.applicationVersion) !== major(this.document?.applicationVersion)) {
      this.warnVersion(t('config.incompatible', { file: parsed.applicationVersion ?? '–',
        running: this.document?.applicationVersion ?? '–' }));
      return;
    }
    await this.importFile(false);
  }

  warnVersion(text) {
    $('config-import-warning-text').textContent = text;
    $('config-import-warning').hidden = false;
  }

  cancelImport() {
    this.pendingImport = null;
    $('config-import-warning').hidden = true;
  }

  importFile(force) {
    const file = this.pendingImport;
    $('config-import-warning').hidden = true;
    if (!file) {
      return null;
    }
    return act($('config-import-force'), 'config-message', async () => {
      const result = await api.sendFile(force ? 'api/config/import?force=true' : 'api/config/import', file,
        'application/json');
      this.pendingImport = null;
      await this.open();
      return t('config.imported', { name: file.name, changed: result.changed });
    }, {
      ...this.options,
      refusal: (error) => {
        if (error.code === 'incompatible-version') {
          this.warnVersion(t('config.incompatibleServer', { reason: error.message }));
          this.pendingImport = file;
          return t('config.importStopped');
        }
        this.pendingImport = null;
        return this.refusal(error);
      },
    });
  }
}
