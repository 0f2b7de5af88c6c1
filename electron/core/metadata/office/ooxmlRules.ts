/**
 * Which parts of an Office Open XML package a cleaned copy keeps, by content
 * type. Everything not named here is dropped (allow-list); a few kinds refuse
 * the whole file because dropping them would change what the document is.
 */

const O = 'application/vnd.openxmlformats-officedocument.';

export type OoxmlKind = 'docx' | 'xlsx' | 'pptx';

/** Main parts Vigil cleans, and the kind of document each makes. */
export const MAIN_PARTS: Record<string, OoxmlKind> = {
  [`${O}wordprocessingml.document.main+xml`]: 'docx',
  [`${O}wordprocessingml.template.main+xml`]: 'docx',
  [`${O}spreadsheetml.sheet.main+xml`]: 'xlsx',
  [`${O}spreadsheetml.template.main+xml`]: 'xlsx',
  [`${O}presentationml.presentation.main+xml`]: 'pptx',
  [`${O}presentationml.slideshow.main+xml`]: 'pptx',
  [`${O}presentationml.template.main+xml`]: 'pptx',
};

/** Main parts of documents with macros or in a binary form: refused, by name. */
export const REFUSED_MAIN_PARTS: Record<string, string> = {
  'application/vnd.ms-word.document.macroEnabled.main+xml': 'a Word document with macros (DOCM)',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml':
    'a Word template with macros (DOTM)',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'an Excel workbook with macros (XLSM)',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'an Excel template with macros (XLTM)',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml': 'an Excel add-in (XLAM)',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main': 'a binary Excel workbook (XLSB)',
  'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml':
    'a PowerPoint presentation with macros (PPTM)',
  'application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml':
    'a PowerPoint slide show with macros (PPSM)',
  'application/vnd.ms-powerpoint.template.macroEnabled.main+xml':
    'a PowerPoint template with macros (POTM)',
};

/** XML parts kept (cleaned) beside the main part. */
export const KEPT_XML = new Set(
  [
    'wordprocessingml.styles+xml',
    'wordprocessingml.numbering+xml',
    'wordprocessingml.fontTable+xml',
    'wordprocessingml.settings+xml',
    'wordprocessingml.footnotes+xml',
    'wordprocessingml.endnotes+xml',
    'wordprocessingml.header+xml',
    'wordprocessingml.footer+xml',
    'theme+xml',
    'themeOverride+xml',
    'drawingml.chart+xml',
    'drawingml.chartshapes+xml',
    'drawingml.diagramData+xml',
    'drawingml.diagramLayout+xml',
    'drawingml.diagramStyle+xml',
    'drawingml.diagramColors+xml',
    'drawing+xml',
    'spreadsheetml.worksheet+xml',
    'spreadsheetml.chartsheet+xml',
    'spreadsheetml.sharedStrings+xml',
    'spreadsheetml.styles+xml',
    'spreadsheetml.calcChain+xml',
    'spreadsheetml.table+xml',
    'spreadsheetml.pivotTable+xml',
    'spreadsheetml.pivotCacheDefinition+xml',
    'spreadsheetml.pivotCacheRecords+xml',
    'spreadsheetml.sheetMetadata+xml',
    'spreadsheetml.volatileDependencies+xml',
    'presentationml.slide+xml',
    'presentationml.slideLayout+xml',
    'presentationml.slideMaster+xml',
    'presentationml.notesSlide+xml',
    'presentationml.notesMaster+xml',
    'presentationml.handoutMaster+xml',
    'presentationml.presProps+xml',
    'presentationml.viewProps+xml',
    'presentationml.tableStyles+xml',
  ]
    .map((t) => `${O}${t}`)
    .concat([
      'application/vnd.ms-word.stylesWithEffects+xml',
      'application/vnd.ms-office.chartstyle+xml',
      'application/vnd.ms-office.chartcolorstyle+xml',
      'application/vnd.ms-office.drawingml.diagramDrawing+xml',
    ]),
);

/** Office documents embedded as packages (a chart's data workbook): stripped as documents. */
export const NESTED_PACKAGE_TYPES = new Set([
  `${O}spreadsheetml.sheet`,
  `${O}wordprocessingml.document`,
  `${O}presentationml.presentation`,
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
]);

/** Parts whose presence refuses the file: code, or containers Vigil cannot look into. */
export const REFUSED_PARTS: Record<string, string> = {
  'application/vnd.ms-office.vbaProject': 'macros (a VBA project)',
  'application/vnd.ms-office.vbaProjectSignature': 'macros (a VBA project)',
  'application/vnd.ms-word.vbaData+xml': 'macros (a VBA project)',
  'application/vnd.ms-office.activeX+xml': 'an ActiveX control',
  'application/vnd.ms-office.activeX': 'an ActiveX control',
  [`${O}oleObject`]: 'an embedded OLE object',
  [`${O}spreadsheetml.externalLink+xml`]: 'links to other workbooks',
};

/** Spreadsheet revision logs: tracked changes of a shared workbook. */
export const REVISION_PARTS = new Set([
  `${O}spreadsheetml.revisionHeaders+xml`,
  `${O}spreadsheetml.revisionLog+xml`,
  `${O}spreadsheetml.userNames+xml`,
]);

/** WordprocessingML elements that are tracked changes or their markers. */
export const WORD_TRACKED = new Set([
  'ins',
  'del',
  'moveFrom',
  'moveTo',
  'rPrChange',
  'pPrChange',
  'sectPrChange',
  'tblPrChange',
  'tblPrExChange',
  'trPrChange',
  'tcPrChange',
  'tblGridChange',
  'numberingChange',
  'cellIns',
  'cellDel',
  'cellMerge',
  'moveFromRangeStart',
  'moveFromRangeEnd',
  'moveToRangeStart',
  'moveToRangeEnd',
  'customXmlInsRangeStart',
  'customXmlInsRangeEnd',
  'customXmlDelRangeStart',
  'customXmlDelRangeEnd',
  'customXmlMoveFromRangeStart',
  'customXmlMoveFromRangeEnd',
  'customXmlMoveToRangeStart',
  'customXmlMoveToRangeEnd',
]);

/** WordprocessingML elements dropped wherever they are: comment anchors, editors, bindings. */
export const WORD_DROPPED = new Set([
  'commentRangeStart',
  'commentRangeEnd',
  'commentReference',
  'annotationRef',
  'permStart',
  'permEnd',
  'proofErr',
  'dataBinding',
  'customXmlPr',
  'smartTagPr',
  'docVars',
  'attachedTemplate',
  'rsids',
]);

/** settings.xml children that only shape the layout; every other setting goes. */
export const WORD_SETTINGS_KEPT = new Set([
  'view',
  'zoom',
  'displayBackgroundShape',
  'mirrorMargins',
  'alignBordersAndEdges',
  'bordersDoNotSurroundHeader',
  'bordersDoNotSurroundFooter',
  'gutterAtTop',
  'defaultTabStop',
  'autoHyphenation',
  'consecutiveHyphenLimit',
  'hyphenationZone',
  'doNotHyphenateCaps',
  'evenAndOddHeaders',
  'bookFoldRevPrinting',
  'bookFoldPrinting',
  'bookFoldPrintingSheets',
  'drawingGridHorizontalSpacing',
  'drawingGridVerticalSpacing',
  'displayHorizontalDrawingGridEvery',
  'displayVerticalDrawingGridEvery',
  'doNotUseMarginsForDrawingGridOrigin',
  'drawingGridHorizontalOrigin',
  'drawingGridVerticalOrigin',
  'doNotShadeFormData',
  'noPunctuationKerning',
  'characterSpacingControl',
  'printTwoOnOne',
  'strictFirstAndLastChars',
  'noLineBreaksAfter',
  'noLineBreaksBefore',
  'footnotePr',
  'endnotePr',
  'compat',
  'themeFontLang',
  'clrSchemeMapping',
  'doNotAutoCompressPictures',
  'shapeDefaults',
  'decimalSymbol',
  'listSeparator',
  'defaultTableStyle',
  'updateFields',
]);

export const RELS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
export const CORE_CONTENT_TYPE = 'application/vnd.openxmlformats-package.core-properties+xml';
export const APP_CONTENT_TYPE = `${O}extended-properties+xml`;
export const CUSTOM_CONTENT_TYPE = `${O}custom-properties+xml`;
