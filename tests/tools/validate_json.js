#!/usr/bin/env node
// JSON Schema (draft 2020-12) validation for casefile's export tests, with ajv.
//
//   node validate_json.js stix SCHEMA_DIR BUNDLE.json...  every object of each STIX 2.1 bundle
//                                                         against the official schema of its type
//   node validate_json.js schema SCHEMA.json DOC.json...  each document against one schema
//
// Prints one line per failure and a summary line "ok: N objects valid"; exits 0 when everything
// is valid, 1 when anything is not, 2 on bad usage or unreadable input.
'use strict';

const fs = require('fs');
const path = require('path');

let Ajv2020;
let addFormats;
try {
    Ajv2020 = require('ajv/dist/2020').default;
    addFormats = require('ajv-formats').default;
} catch (e) {
    console.error('validate_json: ajv is not installed; run `npm ci` in tests/tools ' +
                  '(scripts/setup does it): ' + e.message);
    process.exit(2);
}

function readJson(file) {
    try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
        console.error(`validate_json: cannot read ${file}: ${e.message}`);
        process.exit(2);
    }
}

function newAjv() {
    // The OASIS schemas use `\-` in patterns, which is invalid under the /u flag.
    const ajv = new Ajv2020({strict: false, allErrors: true, unicodeRegExp: false});
    addFormats(ajv);
    // ajv-formats has no idn-hostname (used by domain-name.json): check the name's punycode form
    // against the hostname format.
    const hostname = require('ajv-formats/dist/formats').fullFormats.hostname;
    ajv.addFormat('idn-hostname', (value) => {
        try {
            return hostname.test(new URL('http://' + value + '/').hostname);
        } catch (e) {
            return false;
        }
    });
    return ajv;
}

function describe(errors) {
    return errors.map((e) => `${e.instancePath || '/'} ${e.message}` +
                             (e.params && Object.keys(e.params).length
                                  ? ' ' + JSON.stringify(e.params) : ''))
        .join('; ');
}

function listSchemas(dir) {
    const out = [];
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            out.push(...listSchemas(full));
        } else if (entry.name.endsWith('.json')) {
            out.push(full);
        }
    }
    return out;
}

function stixValidator(schemaDir) {
    const ajv = newAjv();
    const byType = new Map();
    for (const file of listSchemas(schemaDir)) {
        const schema = readJson(file);
        ajv.addSchema(schema);
        const folder = path.basename(path.dirname(file));
        const type = path.basename(file, '.json');
        if (['sdos', 'sros', 'observables'].includes(folder) ||
            ['marking-definition', 'language-content', 'extension-definition', 'bundle']
                .includes(type)) {
            byType.set(type, schema.$id);
        }
    }
    return {ajv, byType};
}

function validateStix({ajv, byType}, bundleFile) {
    const bundle = readJson(bundleFile);
    let failures = 0;
    if (!Array.isArray(bundle.objects)) {
        console.error(`${bundleFile}: not a STIX bundle (no objects array)`);
        process.exit(1);
    }
    // common/bundle.json rejects incident, grouping, location, note and opinion objects (they
    // fall into its custom-object branch), so the envelope is checked without them and every
    // object is checked against its own schema below.
    const envelope = Object.assign({}, bundle, {
        objects: bundle.objects.filter(
            (o) => !['incident', 'grouping', 'location', 'note', 'opinion'].includes(o.type)),
    });
    const checkBundle = ajv.getSchema(byType.get('bundle'));
    if (!checkBundle(envelope)) {
        console.log(`bundle ${bundle.id}: ${describe(checkBundle.errors)}`);
        ++failures;
    }
    const ids = new Set();
    for (const object of bundle.objects) {
        const label = `${object.type} ${object.id}`;
        if (ids.has(object.id)) {
            console.log(`${label}: duplicate id`);
            ++failures;
        }
        ids.add(object.id);
        const id = byType.get(object.type);
        if (!id) {
            console.log(`${label}: no official schema for type '${object.type}'`);
            ++failures;
            continue;
        }
        const check = ajv.getSchema(id);
        if (!check(object)) {
            console.log(`${label}: ${describe(check.errors)}`);
            ++failures;
        }
    }
    // Every reference must resolve inside the bundle (STIX allows dangling refs, but an export
    // of one case has no reason to produce them).
    const refs = (value, out) => {
        if (Array.isArray(value)) {
            value.forEach((v) => refs(v, out));
        } else if (value && typeof value === 'object') {
            for (const [k, v] of Object.entries(value)) {
                if (k.endsWith('_ref') && typeof v === 'string') {
                    out.push(v);
                } else if (k.endsWith('_refs') && Array.isArray(v)) {
                    out.push(...v);
                } else {
                    refs(v, out);
                }
            }
        }
        return out;
    };
    for (const object of bundle.objects) {
        for (const ref of refs(object, [])) {
            if (!ids.has(ref)) {
                console.log(`${object.type} ${object.id}: reference ${ref} not in the bundle`);
                ++failures;
            }
        }
    }
    if (failures) {
        console.log(`${bundleFile}: FAILED: ${failures} problem(s) in ${bundle.objects.length} objects`);
        return 1;
    }
    console.log(`ok: ${bundle.objects.length} objects valid in ${bundleFile}`);
    return 0;
}

function validateDocs(schemaFile, docs) {
    const ajv = newAjv();
    const check = ajv.compile(readJson(schemaFile));
    let failures = 0;
    for (const doc of docs) {
        if (!check(readJson(doc))) {
            console.log(`${doc}: ${describe(check.errors)}`);
            ++failures;
        }
    }
    if (failures) {
        console.log(`FAILED: ${failures} of ${docs.length} document(s) invalid`);
        return 1;
    }
    console.log(`ok: ${docs.length} documents valid`);
    return 0;
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'stix' && args.length >= 2) {
    const validator = stixValidator(args[0]);
    let failed = 0;
    for (const bundle of args.slice(1)) {
        failed |= validateStix(validator, bundle);
    }
    process.exit(failed);
} else if (mode === 'schema' && args.length >= 2) {
    process.exit(validateDocs(args[0], args.slice(1)));
}
console.error('usage: validate_json.js stix SCHEMA_DIR BUNDLE.json... | schema SCHEMA.json DOC.json...');
process.exit(2);
