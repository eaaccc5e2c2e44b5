// The core field types, in the order the contract lists them.
import type { FieldTypeDefinition } from '../field-type-types.js'
import { booleanType } from './boolean.js'
import { dateType, datetimeType } from './datetime.js'
import { decimalType } from './decimal.js'
import { enumType } from './enum.js'
import { emailType, slugType, urlType } from './formatted-string.js'
import { jsonType } from './json.js'
import { floatType, integerType } from './number.js'
import { mediaType, referenceType } from './reference.js'
import { richtextType } from './richtext.js'
import { stringType, textType } from './string.js'

export const coreFieldTypes: readonly FieldTypeDefinition[] = Object.freeze([
  stringType, textType, richtextType, integerType, decimalType, floatType, booleanType,
  datetimeType, dateType, enumType, emailType, urlType, slugType, jsonType, referenceType, mediaType
])
