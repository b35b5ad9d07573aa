// Reads a SceneCut output with the ad-tech ecosystem's own parser and prints what that parser saw, as JSON, for
// SceneCut.Output.Tests to compare with the result document. Nothing here interprets the formats itself except the
// CRC-32/MPEG-2 check, which Comcast's scte35 leaves undone ("TODO: validate the crc").
//   node read.mjs scte35 <file.scte35.json>   Comcast scte35: each marker's base64 and hex
//   node read.mjs m3u8 <playlist.m3u8>        video.js m3u8-parser
//   node read.mjs hls <playlist.m3u8>         hls-parser
//   node read.mjs mpd <manifest.mpd>          video.js mpd-parser
//   node read.mjs vmap <file.vmap.xml>        @dailymotion/vmap over @xmldom/xmldom
import { readFileSync } from "node:fs";

const [command, path] = process.argv.slice(2);
const text = readFileSync(path, "utf8");

// CRC-32/MPEG-2: polynomial 0x04C11DB7, initial 0xFFFFFFFF, not reflected, no final XOR.
function crc32Mpeg2(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b << 24;
    for (let i = 0; i < 8; i++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

async function scte35() {
  const { SCTE35 } = await import("scte35/build/lib/scte35.js");
  const markers = JSON.parse(text).markers.map((m) => {
    const bytes = Buffer.from(m.base64, "base64");
    const fromB64 = SCTE35.parseFromB64(m.base64);
    const fromHex = SCTE35.parseFromHex(m.hex);
    return {
      tableId: fromB64.tableId,
      sectionLength: fromB64.sectionLength,
      spliceCommandType: fromB64.spliceCommandType,
      timeSpecified: fromB64.spliceCommand.specified,
      pts: fromB64.spliceCommand.pts,
      ptsFromHex: fromHex.spliceCommand.pts,
      descriptorTags: (fromB64.descriptor || []).map((d) => d.spliceDescriptorTag),
      descriptorIdentifiers: (fromB64.descriptor || []).map((d) => d.indentifier),
      crc: fromB64.crc,
      crcValid: crc32Mpeg2(bytes.subarray(0, bytes.length - 4)) === fromB64.crc,
    };
  });
  return { markers };
}

async function m3u8() {
  const { Parser } = await import("m3u8-parser");
  const parser = new Parser();
  const warnings = [];
  parser.on("warn", (w) => warnings.push(w.message));
  parser.push(text);
  parser.end();
  const m = parser.manifest;
  return {
    warnings,
    segments: m.segments.map((s) => ({
      uri: s.uri,
      duration: s.duration,
      cueOut: s.cueOut ?? null,
      cueIn: s.cueIn ?? null,
      programDateTime: s.programDateTime ?? null,
    })),
    dateRanges: (m.dateRanges || []).map((d) => ({
      id: d.id,
      startDate: new Date(d.startDate).toISOString(),
      plannedDuration: d.plannedDuration,
      scte35Out: d.scte35Out,
      scte35In: d.scte35In,
    })),
  };
}

// hls-parser hands hexadecimal attributes over as bytes; back to the playlist's 0x form for comparison.
const hex = (bytes) => (bytes ? "0x" + Buffer.from(bytes).toString("hex").toUpperCase() : null);

async function hls() {
  const { default: HLS } = await import("hls-parser");
  HLS.setOptions({ strictMode: true });
  const playlist = HLS.parse(text);
  return {
    isMasterPlaylist: playlist.isMasterPlaylist,
    segments: playlist.segments.map((s) => ({
      uri: s.uri,
      duration: s.duration,
      markers: (s.markers || []).map((k) => ({ type: k.type, duration: k.duration ?? null })),
      dateRange: s.dateRange
        ? { id: s.dateRange.id, start: s.dateRange.start.toISOString(), plannedDuration: s.dateRange.plannedDuration ?? null,
            scte35Out: hex(s.dateRange.attributes["SCTE35-OUT"]), scte35In: hex(s.dateRange.attributes["SCTE35-IN"]) }
        : null,
      programDateTime: s.programDateTime ? s.programDateTime.toISOString() : null,
    })),
  };
}

async function mpd() {
  const { parse } = await import("mpd-parser");
  const manifest = parse(text, { manifestUri: "file:///manifest.mpd" });
  return {
    eventStream: (manifest.eventStream || []).map((e) => ({
      schemeIdUri: e.schemeIdUri, id: e.id, start: e.start, end: e.end, messageData: e.messageData,
    })),
    playlists: manifest.playlists.length,
  };
}

async function vmap() {
  const { DOMParser } = await import("@xmldom/xmldom");
  const { default: VMAP } = await import("@dailymotion/vmap");
  const parsed = new VMAP(new DOMParser().parseFromString(text, "text/xml"));
  return {
    version: parsed.version,
    adBreaks: parsed.adBreaks.map((b) => ({
      timeOffset: b.timeOffset, breakType: b.breakType, breakId: b.breakId,
      templateType: b.adSource?.adTagURI?.templateType ?? null, uri: b.adSource?.adTagURI?.uri ?? null,
    })),
  };
}

const commands = { scte35, m3u8, hls, mpd, vmap };
if (!commands[command]) {
  console.error(`unknown command '${command}'; known: ${Object.keys(commands).join(", ")}`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(await commands[command]()) + "\n");
