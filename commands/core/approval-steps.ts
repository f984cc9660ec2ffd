import type { ApprovalKind } from '../../db/queries/approvals.js';
import type { EventDetails } from '../../db/queries/events.js';

/** The checklist step an approval completes (the memo: video or photos share one approval). */
export function stepOfApproval(kind: ApprovalKind): 'video' | 'cultural' | undefined {
  switch (kind) {
    case 'video':
    case 'fotos':
      return 'video';
    case 'cultural':
      return 'cultural';
    case 'tuit':
      return undefined;
  }
}

/** The event flag a request of this kind implies: asking to show a video means showing one. */
export function flagOfApproval(
  kind: ApprovalKind,
): keyof Pick<EventDetails, 'showsVideo' | 'showsPhotos' | 'hasCulturalSegment'> | undefined {
  switch (kind) {
    case 'video':
      return 'showsVideo';
    case 'fotos':
      return 'showsPhotos';
    case 'cultural':
      return 'hasCulturalSegment';
    case 'tuit':
      return undefined;
  }
}
