export default function PayLinkNotFound() {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center px-4 py-10 text-center">
      <p className="mb-6 font-bold tracking-tight text-accent-700">Tangabiz</p>
      <h1 className="text-xl font-semibold text-zinc-900">This pay link is not valid</h1>
      <p className="mt-2 text-sm text-zinc-600">Check that you opened the whole link, or ask the business for a new one.</p>
    </main>
  );
}
