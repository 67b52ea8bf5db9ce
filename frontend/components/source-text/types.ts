/*
 * Shapes shared by the modules of <cb-source-text>. Every offset counts Unicode code points
 * from 0, start inclusive, end exclusive.
 */

/** A label of the scheme, as the component draws it. */
export interface SourceLabel {
  name: string;
  title: string;
  color: string;
  hotkey?: string;
}

/** An annotation as the server sends it. */
export interface SourceAnnotation {
  id: string;
  start: number;
  end: number;
  label: string;
  color: string;
  mine: boolean;
  tooltip?: string;
  /** A colleague's annotation: their colour (the dashes' gaps) and initials (a badge at its start). */
  authorColor?: string | null;
  authorInitials?: string | null;
}

/** A relation between two annotations (their ids), labelled with its type's title. */
export interface SourceRelation {
  id: string;
  from: string;
  to: string;
  type: string;
  title: string;
}

/** A range of code points. */
export interface CodePointRange {
  start: number;
  end: number;
}

/** A text selection in code points, with the text it covers. */
export interface TextSelection extends CodePointRange {
  text: string;
}

/**
 * An annotation ready to draw: its range clamped to the text (start <= end), a colour that is
 * safe to put into CSS, and the annotation it came from. The run renderer caches the class
 * names it made for it in the optional fields.
 */
export interface Highlight {
  id: string;
  start: number;
  end: number;
  color: string;
  mine: boolean;
  /** A colleague's colour, checked for CSS; undefined for one's own work and for colleagues without one. */
  authorColor?: string;
  /** the index of its label in the scheme's labels (its pattern, see styles.ts), -1 for a label not there */
  pattern: number;
  source: SourceAnnotation;
  /** the lane the cached `laneClassName` was made for */
  cachedLane?: number;
  laneClassName?: string;
  tintClassName?: string;
}
