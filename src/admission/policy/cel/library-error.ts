// The error a Kubernetes CEL library function returns (types.NewErr): its text is Kubernetes' own
// and is shown as it is, where the CEL package's errors are reworded to cel-go's.

export class CelLibraryError extends Error {}
