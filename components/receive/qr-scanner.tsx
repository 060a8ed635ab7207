'use client';

import { Camera, CameraOff, ImageUp } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { walletPathFromScan } from '@/lib/receive/scanned-link';
import { Button } from '@/components/ui/button';
import { decodeQr } from './decode-qr';

type Problem =
  { kind: 'camera'; reason: 'denied' | 'unavailable' } | { kind: 'noCode' } | { kind: 'notOurs'; text: string };

/**
 * 扫一扫: the back camera (or a picture of a code) read a few times a second; a code that is one
 * of this wallet's pay links opens its page, anything else is shown and never followed.
 */
export function QrScanner() {
  const t = useTranslations('receive.scan');
  const router = useRouter();
  const fileId = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const timerRef = useRef<number | null>(null);
  const [scanning, setScanning] = useState(false);
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const stop = useCallback(() => {
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = null;
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    setScanning(false);
  }, []);

  useEffect(() => stop, [stop]);

  const canvas = () => (canvasRef.current ??= document.createElement('canvas'));

  const follow = useCallback(
    (text: string) => {
      const path = walletPathFromScan(text, window.location.origin);
      if (!path) return setProblem({ kind: 'notOurs', text });
      stop();
      setProblem(null);
      setOpening(true);
      router.push(path);
    },
    [router, stop],
  );

  async function start() {
    setProblem(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      });
      streamRef.current = stream;
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      setScanning(true);
      const tick = async () => {
        if (!streamRef.current) return;
        const text = await decodeQr(video, video.videoWidth, video.videoHeight, canvas());
        if (text) return follow(text);
        timerRef.current = window.setTimeout(() => void tick(), 200);
      };
      void tick();
    } catch (error) {
      stop();
      const denied =
        error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
      setProblem({ kind: 'camera', reason: denied ? 'denied' : 'unavailable' });
    }
  }

  async function fromFile(file: File) {
    setProblem(null);
    try {
      const bitmap = await createImageBitmap(file);
      const text = await decodeQr(bitmap, bitmap.width, bitmap.height, canvas(), true);
      bitmap.close();
      if (text) follow(text);
      else setProblem({ kind: 'noCode' });
    } catch {
      setProblem({ kind: 'noCode' });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-gray-700">{t('intro')}</p>
      <div className="relative mx-auto aspect-square w-full max-w-sm overflow-hidden rounded-2xl bg-gray-900">
        <video
          ref={videoRef}
          muted
          playsInline
          aria-label={t('video')}
          className={scanning ? 'size-full object-cover' : 'hidden'}
          data-testid="scan-video"
        />
        {scanning ? (
          <div aria-hidden className="pointer-events-none absolute inset-[15%] rounded-xl border-4 border-white/80" />
        ) : (
          <div className="flex size-full items-center justify-center">
            <Camera aria-hidden className="size-16 text-gray-500" />
          </div>
        )}
      </div>
      <p role="status" className="min-h-6 text-center text-sm text-gray-700" data-testid="scan-status">
        {opening ? t('opening') : scanning ? t('scanning') : ''}
      </p>
      {problem ? (
        <div role="alert" className="rounded-xl bg-amber-50 p-4 text-sm text-amber-900" data-testid="scan-problem">
          {problem.kind === 'camera' ? (
            t('noCamera', { reason: t(problem.reason) })
          ) : problem.kind === 'noCode' ? (
            t('noCode')
          ) : (
            <>
              {t('notOurs')} <span className="break-all">{problem.text}</span>
            </>
          )}
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        {scanning ? (
          <Button variant="secondary" onClick={stop}>
            <CameraOff aria-hidden className="size-4" />
            {t('stop')}
          </Button>
        ) : (
          <Button onClick={() => void start()} disabled={opening}>
            <Camera aria-hidden className="size-4" />
            {t('start')}
          </Button>
        )}
        <label
          htmlFor={fileId}
          className="inline-flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-lg border border-gray-300 bg-white px-4 font-semibold text-gray-800 hover:bg-gray-50 focus-within:outline-2 focus-within:outline-brand-600"
        >
          <ImageUp aria-hidden className="size-4" />
          {t('fromImage')}
          <input
            id={fileId}
            type="file"
            accept="image/*"
            className="sr-only"
            data-testid="scan-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void fromFile(file);
            }}
          />
        </label>
      </div>
    </div>
  );
}
