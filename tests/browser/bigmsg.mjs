// Generated messages far larger than any real one, the shapes of tests/bounds.rs:
// 50,000 Received hops, 10,000 DKIM-Signature fields, 100,000 header lines.
const HEAD = 'Received: from mx.sceau.test (mx.sceau.test [192.0.2.25]) by mx.example.org with ESMTPS; Tue, 05 Mar 2024 10:00:02 -0800\r\n'
  + 'Return-Path: <bounce@sceau.test>\r\n'
  + 'From: Alice <alice@sceau.test>\r\n'
  + 'To: Bob <bob@example.org>\r\n'
  + 'Subject: big\r\n'
  + 'Date: Tue, 5 Mar 2024 19:00:00 +0100\r\n'
  + 'Message-ID: <big@sceau.test>\r\n';

const pad = (n, w) => String(n).padStart(w, '0');

/** `count` Received hops above the usual header, which has one more. */
export function hops(count = 50_000) {
  const lines = [];
  for (let i = count - 1; i >= 0; i--) {
    const ip = `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`;
    lines.push(`Received: from h${i}.example.net (h${i}.example.net [${ip}]) by h${i + 1}.example.net with SMTP id ${i}; Tue, 05 Mar 2024 10:${pad(Math.floor(i / 60) % 60, 2)}:${pad(i % 60, 2)} -0800\r\n`);
  }
  return lines.join('') + HEAD + '\r\nbody\r\n';
}

/** `count` DKIM-Signature fields by one key, none of which verifies. Unlike those of
 * tests/bounds.rs they are well formed (the body hash is right, b= is 64 bytes of
 * base64): each one gets to the key lookup and the Ed25519 check. */
export function dkim(count = 10_000) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    const b = Buffer.alloc(64);
    b.writeUInt32BE(i);
    lines.push(`DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=sceau.test; s=mail2026; t=1709661600; h=from:to:subject; bh=Ck5SoRNWUpSR4X0COv7R5ub2pUTtl6xz4dTFz++ji4M=; b=${b.toString('base64')}\r\n`);
  }
  return lines.join('') + HEAD + '\r\nbody\r\n';
}

/** The usual header followed by `count` filler fields. */
export function lines(count = 100_000) {
  const out = [HEAD];
  for (let i = 0; i < count; i++) out.push(`X-Filler-${i % 7}: value ${i}\r\n`);
  return out.join('') + '\r\nbody\r\n';
}
