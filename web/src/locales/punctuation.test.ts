// The text of the pages: Chinese messages use Chinese punctuation (，：；（）？！), English messages
// contain no Chinese, and templates do not glue ASCII punctuation to translated text.
import { describe, expect, it } from 'vitest'
import { CHINESE, asciiPunctuationInChinese, leaves, templatePunctuation } from './punctuation'

const zhFiles = import.meta.glob<{ default: unknown }>(['./zh-CN/*.ts', './zh-CN/*.json'], { eager: true })
const enFiles = import.meta.glob<{ default: unknown }>(['./en/*.ts', './en/*.json'], { eager: true })
const vueFiles = import.meta.glob<string>('/src/**/*.vue', { eager: true, query: '?raw', import: 'default' })

describe('punctuation helpers', () => {
  it('finds ASCII punctuation in Chinese text, outside placeholders', () => {
    expect(asciiPunctuationInChinese('您好,{name}')).toEqual([','])
    expect(asciiPunctuationInChinese('服务器错误(HTTP {status})')).toEqual(['(', ')'])
    expect(asciiPunctuationInChinese('确定吗?')).toEqual(['?'])
    expect(asciiPunctuationInChinese('您好，{name}')).toEqual([])
    expect(asciiPunctuationInChinese('Hello, {name}')).toEqual([]) // not Chinese text
    expect(asciiPunctuationInChinese('{a, b}')).toEqual([])
  })

  it('finds ASCII punctuation glued to interpolations in templates', () => {
    expect(templatePunctuation(`<span>{{ t('x') }}:</span>`)).toHaveLength(1)
    expect(templatePunctuation(`<template>({{ name }})</template>`)).toHaveLength(2)
    expect(templatePunctuation(`{{ a }};{{ b }}`)).toHaveLength(1)
    expect(templatePunctuation(`<span>{{ t('word.labelValue', { label, value }) }}</span>`)).toHaveLength(0)
  })
})

describe('zh-CN messages', () => {
  it('have message files', () => {
    expect(Object.keys(zhFiles).length).toBeGreaterThan(5)
  })

  it('use Chinese punctuation (，：；（）？！) in Chinese text', () => {
    const bad: string[] = []
    for (const [file, mod] of Object.entries(zhFiles)) {
      for (const [key, text] of leaves(mod.default)) {
        if (asciiPunctuationInChinese(text).length) bad.push(`${file} ${key}: ${text}`)
      }
    }
    expect(bad).toEqual([])
  })
})

describe('en messages', () => {
  it('contain no Chinese characters', () => {
    const bad: string[] = []
    for (const [file, mod] of Object.entries(enFiles)) {
      for (const [key, text] of leaves(mod.default)) {
        if (CHINESE.test(text)) bad.push(`${file} ${key}: ${text}`)
      }
    }
    expect(bad).toEqual([])
  })
})

describe('templates', () => {
  it('put punctuation around translated text through the locale files', () => {
    const bad: string[] = []
    for (const [file, src] of Object.entries(vueFiles)) {
      for (const hit of templatePunctuation(src)) bad.push(`${file}: ${hit}`)
    }
    expect(bad).toEqual([])
  })
})
