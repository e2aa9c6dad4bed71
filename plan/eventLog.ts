/**
 * The plan process's progress events (a construction and a registration per resource) go to a
 * file the supervisor reads only when it needs them (a timeout, an early exit), not one IPC message
 * each: a message wakes the supervisor every time, which cost a 40-channel season about half a
 * second of CPU on a loaded 2-core machine; appending a line to a file costs microseconds. Each
 * line is written synchronously as the event happens, so a program that then spins forever has
 * still told the supervisor what it constructed before the loop. Phase changes, which arm the
 * watchdog, stay on the IPC channel.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { StringDecoder } from "string_decoder";
import { RunEvent } from "./progress";

export interface LoggedEvent {
    job: number;
    ev: RunEvent;
}

/** The supervisor's end: an unlinked temporary file (nothing is left behind, whatever happens). */
export interface EventLog {
    /** The descriptor to hand the plan process. */
    fd: number;
    /** The events appended since the last call. */
    readNew(): LoggedEvent[];
    close(): void;
}

/** The descriptor the plan process gets the log on: the one after its IPC channel (fd 3). */
export const EVENT_FD = 4;

let opened = 0;

/** Opens a new log, or undefined where no temporary file can be made (events then go over IPC). */
export function openEventLog(): EventLog | undefined {
    const file = path.join(os.tmpdir(), `onair-plan-${process.pid}-${opened++}.events`);
    let fd: number;
    try {
        fd = fs.openSync(file, "w+");
    } catch {
        return undefined;
    }
    try {
        fs.unlinkSync(file);
    } catch {
        // Windows keeps an open file's name: removed on close instead.
    }
    let position = 0;
    let partial = "";
    const chunk = Buffer.alloc(1 << 16);
    // A character split between two reads is joined, not garbled.
    const decoder = new StringDecoder("utf8");
    return {
        fd,
        readNew() {
            const events: LoggedEvent[] = [];
            for (;;) {
                const n = fs.readSync(fd, chunk, 0, chunk.length, position);
                if (n === 0) break;
                position += n;
                const lines = (partial + decoder.write(chunk.subarray(0, n))).split("\n");
                partial = lines.pop()!;
                for (const line of lines) if (line) events.push(JSON.parse(line) as LoggedEvent);
            }
            return events;
        },
        close() {
            fs.closeSync(fd);
            fs.rmSync(file, { force: true });
        },
    };
}

/** The plan process's end: one line per event, written before the call returns. */
export function appendEvent(fd: number, job: number, ev: RunEvent): void {
    fs.writeSync(fd, JSON.stringify({ job, ev } satisfies LoggedEvent) + "\n");
}
