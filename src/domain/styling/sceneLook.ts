// The scene's own colours, shared by the viewer and the bench's plain-Cesium page (which must look
// the same wherever the mesh is not, so its screenshots compare only the mesh).

/** The globe where no imagery is loaded: a sea colour, not Cesium's default blue. */
export const GLOBE_BASE_COLOUR = '#1d3b53';
