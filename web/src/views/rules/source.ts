// docs/rules.md (规则说明), bundled at build time: the page shows the document of the same commit.
import rulesMarkdown from '../../../../docs/rules.md?raw'

export const RULES_MD: string = rulesMarkdown
