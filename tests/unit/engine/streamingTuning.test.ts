// Against Cesium's real RequestScheduler and JobScheduler: the tuning reaches fields Cesium keeps
// private (the upload budgets sit behind getters), so this fails if a Cesium upgrade moves them.
import * as Cesium from 'cesium';
import { Event, RequestScheduler, type Viewer } from 'cesium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyStreamingTuning } from '../../../src/engine/viewer/streamingTuning.ts';

/** Exported by Cesium's JS, absent from its typings. */
interface JobScheduler { readonly totalBudget: number }
const JobSchedulerClass = (Cesium as unknown as { JobScheduler: new () => JobScheduler }).JobScheduler;

function fakeViewer(): { viewer: Viewer; jobs: JobScheduler; render: () => void } {
  const jobs = new JobSchedulerClass();
  const postRender = new Event();
  const viewer = { scene: { jobScheduler: jobs, postRender } } as unknown as Viewer;
  return { viewer, jobs, render: () => postRender.raiseEvent() };
}

const heap = (): number => (RequestScheduler as unknown as { priorityHeapLength: number }).priorityHeapLength;

describe('streaming tuning', () => {
  afterEach(() => vi.useRealTimers());

  it('lifts the request limits and puts Cesium\'s back', () => {
    const before = [heap(), RequestScheduler.maximumRequestsPerServer, RequestScheduler.maximumRequests];
    const undo = applyStreamingTuning(fakeViewer().viewer, { maximumRequests: 256, uploadFrameShare: 0 });
    expect([heap(), RequestScheduler.maximumRequestsPerServer, RequestScheduler.maximumRequests]).toEqual([256, 256, 256]);
    undo();
    expect([heap(), RequestScheduler.maximumRequestsPerServer, RequestScheduler.maximumRequests]).toEqual(before);
  });

  it('scales the upload budget with the frame time and restores it', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const { viewer, jobs, render } = fakeViewer();
    expect(jobs.totalBudget).toBe(50);
    const undo = applyStreamingTuning(viewer, { uploadFrameShare: 0.5 });
    render();
    vi.advanceTimersByTime(2000);
    render();
    // A 2 s frame at share 0.5: 1 s of uploads.
    expect(jobs.totalBudget).toBeCloseTo(1000);
    vi.advanceTimersByTime(16);
    render();
    expect(jobs.totalBudget).toBe(50);
    vi.advanceTimersByTime(3000);
    render();
    undo();
    expect(jobs.totalBudget).toBe(50);
  });

  it('leaves Cesium alone when the section asks for nothing', () => {
    const { viewer, jobs, render } = fakeViewer();
    const before = RequestScheduler.maximumRequests;
    const undo = applyStreamingTuning(viewer, { uploadFrameShare: 0 });
    render();
    expect([jobs.totalBudget, RequestScheduler.maximumRequests]).toEqual([50, before]);
    undo();
  });
});
