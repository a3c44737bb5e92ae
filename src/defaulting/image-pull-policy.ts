// SetDefaults_Container's imagePullPolicy: Always when the image's tag is `latest` (which an
// image with neither tag nor digest gets, in parsers.ParseImageName), IfNotPresent otherwise,
// including images the reference parser refuses.

/** The tag ParseImageName reports: `latest` when neither tag nor digest is given, "" if unparsable. */
function imageTag(image: string): string {
  const [name, ...digest] = image.split('@');
  if (!name || digest.length > 1) return '';
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : '';
  const repository = colon > slash ? name.slice(0, colon) : name;
  const firstSlash = repository.indexOf('/');
  const domain = firstSlash > 0 ? repository.slice(0, firstSlash) : '';
  const isDomain = domain !== '' && (/[.:]/.test(domain) || domain === 'localhost' || domain !== domain.toLowerCase());
  const path = isDomain ? repository.slice(firstSlash + 1) : repository;
  if (!path || path !== path.toLowerCase() || !/^[a-z0-9]+([._-]+[a-z0-9]+)*(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*$/.test(path)) return '';
  if (tag && !/^[\w][\w.-]{0,127}$/.test(tag)) return '';
  return tag || (digest.length ? '' : 'latest');
}

export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  return typeof image === 'string' && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}
