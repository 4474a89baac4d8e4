import { describe, expect, it } from 'vitest'
import { parseDetail } from './detail'

describe('parseDetail', () => {
  it('reads field changes', () => {
    expect(parseDetail('[{"field":"phone","old":"1","new":"2"}]')).toEqual({ kind: 'changes', rows: [{ field: 'phone', old: '1', new: '2' }] })
    expect(parseDetail('{"changes":[{"field":"name","old":null,"new":"张三"}]}')).toEqual({ kind: 'changes', rows: [{ field: 'name', old: '', new: '张三' }] })
  })

  it('reads query parameters', () => {
    expect(parseDetail('{"q":"zs","page":1}')).toEqual({ kind: 'params', rows: [{ key: 'q', value: 'zs' }, { key: 'page', value: '1' }] })
  })

  it('shows anything else as text and nothing as empty', () => {
    expect(parseDetail('not json')).toEqual({ kind: 'text', text: 'not json' })
    expect(parseDetail('')).toEqual({ kind: 'empty' })
    expect(parseDetail('{}')).toEqual({ kind: 'empty' })
    expect(parseDetail('{"q":"","unit_id":0}')).toEqual({ kind: 'empty' })
    expect(parseDetail('{"q":"","unit_id":0,"rows":2,"status":"ended"}')).toEqual({ kind: 'params', rows: [{ key: 'rows', value: '2' }, { key: 'status', value: 'ended' }] })
  })
})
