// Local certificate generation: a CA and a serving certificate it signs, with the SANs the API
// server and localhost need, reused when already present.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultHosts, ensureSelfSigned } from '../../src/tls/self-signed.js';

void describe('ensureSelfSigned', () => {
  void it('generates a CA and a serving certificate for localhost and the service names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmcp-ss-'));
    try {
      const now = new Date();
      const made = await ensureSelfSigned({ dir, hosts: defaultHosts('vmcp-admission', 'toolhive-system'), now, days: 30 });
      assert.deepEqual(made, { generated: true, caPath: join(dir, 'ca.crt') });
      const leaf = new X509Certificate(await readFile(join(dir, 'tls.crt')));
      const ca = new X509Certificate(await readFile(join(dir, 'ca.crt')));
      assert.equal(leaf.subjectAltName, 'DNS:localhost, IP Address:127.0.0.1, DNS:vmcp-admission.toolhive-system.svc, DNS:vmcp-admission.toolhive-system.svc.cluster.local');
      assert.ok(ca.ca && !leaf.ca);
      assert.ok(leaf.checkIssued(ca) && leaf.verify(ca.publicKey));
      assert.ok(leaf.checkPrivateKey((await import('node:crypto')).createPrivateKey(await readFile(join(dir, 'tls.key')))));
      const days = (new Date(leaf.validTo).getTime() - now.getTime()) / 86_400_000;
      assert.ok(days > 29 && days <= 30, `valid for ${days} days`);
      assert.equal((await stat(join(dir, 'tls.key'))).mode & 0o077, 0, 'the key is private');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  void it('keeps existing certificates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmcp-ss-'));
    try {
      await ensureSelfSigned({ dir, hosts: ['localhost'], now: new Date() });
      const before = await readFile(join(dir, 'tls.crt'), 'utf8');
      assert.equal((await ensureSelfSigned({ dir, hosts: ['localhost'], now: new Date() })).generated, false);
      assert.equal(await readFile(join(dir, 'tls.crt'), 'utf8'), before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  void it('adds service names only with both service and namespace', () => {
    assert.deepEqual(defaultHosts('svc'), ['localhost', '127.0.0.1']);
    assert.deepEqual(defaultHosts('svc', 'ns').slice(2), ['svc.ns.svc', 'svc.ns.svc.cluster.local']);
  });
});
