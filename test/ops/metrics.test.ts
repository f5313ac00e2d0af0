import assert from 'node:assert/strict';
import request from 'supertest';
import {
  startUpstream,
  emFixture,
  type ReceivedRequest,
  type Upstream,
} from '../support/upstream.js';
import { testService, type TestService } from '../support/service.js';

/** The lines of one metric family, without HELP/TYPE and without histogram buckets. */
function family(text: string, name: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(name) && !line.includes('_bucket') && !line.includes('_sum'));
}

describe('metrics', function () {
  let upstream: Upstream;
  let service: TestService;

  afterEach(async function () {
    await service.close();
    await upstream.close();
  });

  it('counts logouts by outcome and EM code, retries, attempts and phone requests', async function () {
    // By device: 4455 logs out; 3094 has nobody; 5265 is busy once, then logs out; 0000 is unknown.
    const busyOnce = new Set<string>();
    upstream = await startUpstream((req: ReceivedRequest) => {
      const xml = req.xml ?? '';
      if (xml.includes('<deviceUserQuery>')) return { body: emFixture('query-user-logged-in.xml') };
      if (xml.includes('SEP003094C25B15'))
        return { body: emFixture('logout-failure-19-no-user.xml') };
      if (xml.includes('SEP000000000000'))
        return { body: emFixture('logout-failure-11-no-device.xml') };
      if (xml.includes('SEP402CF4915265') && !busyOnce.has('5265')) {
        busyOnce.add('5265');
        return { body: emFixture('logout-failure-26-busy.xml') };
      }
      return { body: emFixture('logout-success.xml') };
    });
    service = testService({ hostPort: upstream.hostPort });
    const phone = { 'x-CiscoIPPhoneModelName': 'CP-8845' };

    await request(service.app).get('/logout?device=SEP402CF4915265').set(phone);
    await request(service.app).get('/logout/confirm?device=SEP001122334455').set(phone);
    await request(service.app).get('/logout/confirm?device=SEP003094C25B15');
    await request(service.app).get('/logout/confirm?device=SEP402CF4915265').set(phone);
    await request(service.app).get('/logout/confirm?device=SEP000000000000');

    const res = await request(service.app).get('/metrics');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
    const node = upstream.hostPort;
    assert.deepEqual(family(res.text, 'em_logout_logouts_total'), [
      'em_logout_logouts_total{outcome="logged_out",em_code="0"} 2',
      'em_logout_logouts_total{outcome="nobody_logged_in",em_code="19"} 1',
      'em_logout_logouts_total{outcome="failed",em_code="11"} 1',
    ]);
    assert.deepEqual(family(res.text, 'em_logout_em_retries_total'), [
      'em_logout_em_retries_total{operation="logout",reason="busy"} 1',
    ]);
    assert.deepEqual(family(res.text, 'em_logout_em_request_duration_seconds_count'), [
      `em_logout_em_request_duration_seconds_count{node="${node}",operation="deviceUserQuery",result="success"} 1`,
      `em_logout_em_request_duration_seconds_count{node="${node}",operation="logout",result="success"} 2`,
      `em_logout_em_request_duration_seconds_count{node="${node}",operation="logout",result="em-failure"} 3`,
    ]);
    assert.deepEqual(family(res.text, 'em_logout_phone_requests_total'), [
      'em_logout_phone_requests_total{route="start",family="modern"} 1',
      'em_logout_phone_requests_total{route="confirm",family="modern"} 4',
    ]);
    assert.deepEqual(family(res.text, 'em_logout_em_requests_in_flight'), [
      'em_logout_em_requests_in_flight 0',
    ]);
    assert.deepEqual(family(res.text, 'em_logout_em_requests_queued'), [
      'em_logout_em_requests_queued 0',
    ]);
    assert.deepEqual(family(res.text, 'em_logout_em_circuit_open'), [
      `em_logout_em_circuit_open{node="${node}"} 0`,
    ]);
    assert.equal(family(res.text, 'process_resident_memory_bytes').length, 1);
    assert.equal(family(res.text, 'nodejs_eventloop_lag_seconds').length, 1);
  });
});
