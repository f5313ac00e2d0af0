import assert from 'node:assert/strict';

import { readXml } from '../../src/simulator/xml-reader.js';

function textOf(xml: string): string | undefined {
  const read = readXml(xml);
  return read.ok ? read.root.text : undefined;
}

describe('readXml', () => {
  it('decodes the predefined entities and character references', () => {
    assert.equal(textOf('<a>&amp;&lt;&gt;&quot;&apos;&#233;&#xE9;&#x1F600;</a>'), '&<>"\'éé😀');
  });

  it('keeps CDATA literal and in order with the text around it', () => {
    assert.equal(textOf('<a>x&amp;<![CDATA[&amp;<b>]]>y</a>'), 'x&&amp;<b>y');
  });

  it('keeps spaces at both ends of a value', () => {
    assert.equal(textOf('<a> pass word </a>'), ' pass word ');
  });

  it('reads nested elements with their names and order', () => {
    const read = readXml('<r><a>1</a><b/><a>2</a></r>');

    assert.ok(read.ok);
    assert.deepEqual(
      read.root.children.map((child) => [child.name, child.text]),
      [
        ['a', '1'],
        ['b', ''],
        ['a', '2'],
      ],
    );
  });

  const refused = [
    { name: 'an undeclared entity', xml: '<a>&nbsp;</a>' },
    { name: 'a reference to a character XML forbids', xml: '<a>&#1;</a>' },
    { name: 'a raw control character', xml: '<a>\u0001</a>' },
    { name: 'a DOCTYPE', xml: '<!DOCTYPE a><a/>' },
    { name: 'an ENTITY declaration anywhere', xml: '<a><![CDATA[<!ENTITY x "y">]]></a>' },
    { name: 'two root elements', xml: '<a/><b/>' },
    { name: 'no element at all', xml: '<?xml version="1.0"?>' },
    { name: 'an element named __proto__', xml: '<a><__proto__>x</__proto__></a>' },
    { name: 'mismatched tags', xml: '<a></b>' },
  ];

  for (const { name, xml } of refused) {
    it(`refuses ${name}`, () => {
      assert.equal(readXml(xml).ok, false);
    });
  }
});
